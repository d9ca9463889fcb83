/**
 * Read-only SQL for `focal query`: the workspace opens with DuckDB's
 * READ_ONLY access mode and external access off, and only a single SELECT
 * (or WITH … SELECT) statement is accepted, so writes are refused twice over.
 */
import { StatementType } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import { Workspace } from '../workspace/workspace'

/** A query result as column names and JSON rows. */
export interface SqlResult {
  columns: string[]
  types: string[]
  rows: unknown[][]
}

/** Runs one read-only statement against the workspace at `path`. */
export async function runReadOnlySql(path: string, sql: string): Promise<SqlResult> {
  const ws = await Workspace.open(path, { readOnly: true, noExternalAccess: true })
  try {
    const connection = ws.writer
    let extracted
    try {
      extracted = await connection.extractStatements(sql)
    } catch (cause) {
      return fail('QUERY_FAILED', firstLine(cause))
    }
    if (extracted.count !== 1)
      fail('QUERY_REFUSED', `Give exactly one statement (found ${extracted.count}).`)
    if (WRITE_KEYWORD.test(sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ''))) refuse()
    let prepared
    try {
      prepared = await extracted.prepare(0)
    } catch (cause) {
      return fail('QUERY_FAILED', firstLine(cause))
    }
    if (prepared.statementType !== StatementType.SELECT) refuse()
    try {
      const reader = await prepared.runAndReadAll()
      return {
        columns: reader.columnNames(),
        types: reader.columnTypes().map((t) => t.toString()),
        rows: reader.getRowsJson() as unknown[][],
      }
    } catch (cause) {
      return fail('QUERY_FAILED', firstLine(cause))
    }
  } finally {
    ws.close()
  }
}

/** Statements that change something; refused before DuckDB even binds them. */
const WRITE_KEYWORD =
  /^(insert|update|delete|merge|create|drop|alter|copy|attach|detach|pragma|set|reset|install|load|call|export|import|checkpoint|vacuum|truncate|begin|commit|rollback|use)\b/i

function refuse(): never {
  return fail(
    'QUERY_REFUSED',
    'Only read-only SELECT queries are allowed; the workspace is opened read-only.',
    {
      hint: 'Change data by importing files; query the `focus` view with SELECT.',
    },
  )
}

function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause)
  return message.split('\n')[0] ?? message
}
