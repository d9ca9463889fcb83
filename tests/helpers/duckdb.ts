/**
 * A throwaway in-memory DuckDB for writing test fixtures (Parquet files made
 * from a CSV, a probe of DuckDB's own reader). A workspace's DuckDB cannot do
 * this: it reaches no file outside its gate folder (electron/core/db/file-gate.ts).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'

/** Runs one statement on a fresh in-memory DuckDB and returns its rows as JSON values. */
export async function scratchSql(
  sql: string,
  values?: DuckDBValue[],
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    return (await connection.runAndReadAll(sql, values)).getRowObjectsJson() as Record<
      string,
      unknown
    >[]
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** (Re)creates `table` (i INTEGER, `column` VARCHAR) on `connection` holding `texts` in order. */
export async function loadTexts(
  connection: DuckDBConnection,
  table: string,
  column: string,
  texts: readonly string[],
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${table} (i INTEGER, ${column} VARCHAR)`)
  const appender = await connection.createAppender(table)
  texts.forEach((text, i) => {
    appender.appendInteger(i)
    appender.appendVarchar(text)
    appender.endRow()
  })
  appender.closeSync()
}
