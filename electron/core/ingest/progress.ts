/** Polls DuckDB's query progress (enable_progress_bar=true) while a statement runs. */
import type { DuckDBConnection } from '@duckdb/node-api'

/** Calls `onFraction` with 0…1 every `intervalMs` until the returned stop function is called. */
export function watchProgress(
  connection: DuckDBConnection,
  onFraction: (fraction: number) => void,
  intervalMs = 150,
): () => void {
  const timer = setInterval(() => {
    const percentage = connection.progress.percentage
    if (percentage >= 0) onFraction(Math.min(1, percentage / 100))
  }, intervalMs)
  return () => clearInterval(timer)
}
