/**
 * How one file is read into a text stage: its header, the types DuckDB sees,
 * and the statement that stages it. An import and `focal validate` both read
 * a file through this plan, so a value is read the same way by both.
 */
import type { Workspace } from '../workspace/workspace'
import { readCsvHeader } from './csv-header'
import { failRead, isCsvContentError } from './duckdb-errors'
import { stageCsvSql, stageJsonLinesSql, stageParquetSql, type SourceKind } from './stage-sql'

/** A file's header and the SQL that stages it into `table`. */
export interface StagePlan {
  readonly header: string[]
  /** DuckDB's type per column: Parquet's own, VARCHAR for text formats. */
  readonly sourceTypes: string[]
  readonly sql: string
  /** Bound to the statement: the readable path; none for Parquet, whose path is in the SQL. */
  readonly values?: string[]
  /** The same read on one thread, for a CSV the parallel reader misjudges. */
  readonly serialSql: string | null
  /** A CSV's field delimiter, for reading it in place (csvViewSql); none for other kinds. */
  readonly delimiter?: string
}

/**
 * Reads the header of the file at `readable` (its path inside the workspace's
 * gate folder, file-gate.ts) and plans its stage into `table`.
 */
export async function planStage(
  ws: Workspace,
  input: { readable: string; fileName: string; kind: SourceKind; table: string },
): Promise<StagePlan> {
  const { readable, fileName, kind, table } = input
  if (kind === 'parquet') {
    const described = await ws
      .all('DESCRIBE SELECT * FROM read_parquet($1)', [readable])
      .catch((cause) => failRead(cause, fileName))
    const header = described.map((r) => String(r.column_name))
    return {
      header,
      sourceTypes: described.map((r) => String(r.column_type)),
      sql: stageParquetSql(table, readable, header),
      serialSql: null,
    }
  }
  if (kind === 'jsonl') {
    // Every field as text, records and lists as their JSON.
    const described = await ws
      .all("DESCRIBE SELECT * FROM read_json($1, format = 'newline_delimited')", [readable])
      .catch((cause) => failRead(cause, fileName))
    const header = described.map((r) => String(r.column_name))
    return {
      header,
      sourceTypes: header.map(() => 'VARCHAR'),
      sql: stageJsonLinesSql(
        table,
        header,
        described.map((r) => String(r.column_type)),
      ),
      values: [readable],
      serialSql: null,
    }
  }
  const gzip = kind === 'csv.gz'
  const csv = await readCsvHeader(readable, gzip, fileName)
  const header = [...csv.columns]
  return {
    header,
    sourceTypes: header.map(() => 'VARCHAR'),
    sql: stageCsvSql(table, header.length, csv.delimiter, gzip),
    values: [readable],
    serialSql: stageCsvSql(table, header.length, csv.delimiter, gzip, false),
    delimiter: csv.delimiter,
  }
}

/**
 * Runs a plan on the writer. DuckDB's parallel CSV reader splits a file by
 * byte ranges and misjudges some valid files whose quoted values span lines
 * (refusing them, or reporting a row shape that is not there). One thread
 * reads from the start, so its verdict, right or wrong, is the file's.
 */
export async function runStage(ws: Workspace, plan: StagePlan, fileName: string): Promise<void> {
  try {
    await ws.run(plan.sql, plan.values)
  } catch (cause) {
    if (!plan.serialSql || !isCsvContentError(cause)) failRead(cause, fileName)
    await ws.run(plan.serialSql, plan.values).catch((again: unknown) => failRead(again, fileName))
  }
}
