/** Explore's pivot table (issue 9): the matrix of the spec being edited, read over `pivot:table`. */
import type { StateCreator } from 'zustand'
import type {
  PivotExportFileData,
  PivotTableData,
  PivotValues,
  PivotValuesRequest,
} from '../../../shared/contract'
import type { PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** The pivot table slice: one action; the table component holds what it read. */
export interface PivotTableSlice {
  pivotTable(spec: PivotSpec): Promise<PivotTableData>
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
    pivotTable: (spec) => api['pivot:table']({ spec }),
    pivotExport: (spec, format) => api['pivot:export']({ spec, format }),
    pivotValues: (request) => api['pivot:values'](request),
  })
}
