/** Explore's pivot table (issue 9): its export and the filter editor's values list (the table itself is read by pivot-run.ts). */
import type { StateCreator } from 'zustand'
import type { PivotExportFileData, PivotValues, PivotValuesRequest } from '../../../shared/contract'
import type { PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** The pivot table slice: actions only; the components hold what they read. */
export interface PivotTableSlice {
  /** The table of `spec` as a CSV or XLSX file, as shown (pivot:export). */
  pivotExport(spec: PivotSpec, format: 'csv' | 'xlsx'): Promise<PivotExportFileData>
  /** The filter editor's values list of one dimension (pivot:values). */
  pivotValues(request: PivotValuesRequest): Promise<PivotValues>
}

/** Creates the slice over the transport. */
export function createPivotTableSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], PivotTableSlice> {
  return () => ({
    pivotExport: (spec, format) => api['pivot:export']({ spec, format }),
    pivotValues: (request) => api['pivot:values'](request),
  })
}
