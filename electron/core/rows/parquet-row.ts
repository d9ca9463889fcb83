/** One row of a Parquet file by its place, read by DuckDB through the workspace's file gate. */
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'

/**
 * Row `row` (1-based, file order: the import numbers Parquet rows by file_row_number + 1)
 * with every field as text; null when the file has fewer rows.
 */
export async function parquetRow(
  ws: Workspace,
  path: string,
  row: number,
): Promise<Array<{ name: string; value: string | null }> | null> {
  const admitted = await ws.admit(path)
  const connection = await ws.reader()
  try {
    const described = await ws.all(
      'DESCRIBE SELECT * FROM read_parquet($1)',
      [admitted.path],
      connection,
    )
    const names = described.map((d) => String(d.column_name))
    const select = names.map((n, i) => `CAST(${quoteIdent(n)} AS VARCHAR) AS c${i}`).join(', ')
    const [found] = await ws.all(
      `SELECT ${select} FROM read_parquet($1, file_row_number = true) WHERE file_row_number = $2`,
      [admitted.path, row - 1],
      connection,
    )
    if (!found) return null
    return names.map((name, i) => ({
      name,
      value: found[`c${i}`] == null ? null : String(found[`c${i}`]),
    }))
  } finally {
    connection.closeSync()
    await admitted.release()
  }
}
