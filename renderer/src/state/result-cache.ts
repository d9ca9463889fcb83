/**
 * Holds the latest pivot result's Arrow table outside the store: the store
 * stays small and serializable (CONVENTIONS.md #7, #9) and keeps only the
 * query id, while the table goes straight to the grid and chart adapters.
 */
import { tableFromIPC, type Table } from 'apache-arrow'

let latest: { queryId: string; table: Table } | null = null

/** Decodes Arrow IPC stream bytes and keeps the table as the result of `queryId`, replacing the previous one. */
export function storeResult(queryId: string, bytes: Uint8Array): Table {
  const table = tableFromIPC(bytes)
  latest = { queryId, table }
  return table
}

/** The table of `queryId`, or null when it is not the latest result. */
export function resultTable(queryId: string | null): Table | null {
  return latest && latest.queryId === queryId ? latest.table : null
}
