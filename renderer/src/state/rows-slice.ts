/**
 * Drill-through (issue 9): a pivot cell's rows, one row's detail and its source line. The Rows
 * drawer holds what it read; only the open cell is app state, so the table can open it.
 */
import type { FocalTransport } from '../api'
import type {
  RowDetail,
  RowKey,
  RowsEvidence,
  RowSource,
  RowsPage,
  RowsPageRequest,
} from '../../../shared/contract/rows'
import type { StateCreator } from 'zustand'
import type { AppState } from './store'

/** The drill-through slice. */
export interface RowsSlice {
  /** The cell whose rows the drawer shows; null when it is closed. */
  readonly rowsCell: { title: string; request: RowsPageRequest } | null
  openRows(title: string, request: RowsPageRequest): void
  closeRows(): void
  rowsPage(request: RowsPageRequest): Promise<RowsPage>
  rowDetail(key: RowKey): Promise<RowDetail>
  rowSource(key: RowKey): Promise<RowSource>
  /** The open figure's rows with their provenance and audit entries as one ZIP ("Explain this number"). */
  rowsEvidence(request: RowsPageRequest, title: string): Promise<RowsEvidence>
  /** The desktop host's folder dialog for a file not at hand; null where there is none. */
  readonly sourceFromFolder: ((key: RowKey) => Promise<RowSource | null>) | null
  /** The web host's folder typed by the person; null where there is a dialog instead. */
  readonly sourceInFolder: ((key: RowKey, folder: string) => Promise<RowSource>) | null
}

/** Creates the slice over the transport. */
export function createRowsSlice(api: FocalTransport): StateCreator<AppState, [], [], RowsSlice> {
  return (set) => ({
    rowsCell: null,
    openRows: (title, request) => set({ rowsCell: { title, request } }),
    closeRows: () => set({ rowsCell: null }),
    rowsPage: (request) => api['rows:page'](request),
    rowDetail: (key) => api['rows:detail'](key),
    rowSource: (key) => api['rows:source'](key),
    rowsEvidence: (request, title) => api['rows:evidence']({ request, title }),
    sourceFromFolder: api.sourceFromFolder,
    sourceInFolder: api.sourceInFolder,
  })
}
