/**
 * Reconciliation's second reader: the file's own totals per currency, read by
 * header name and without Focal's staging or column mapping — CSV and CSV.gz
 * streamed in Node beside DuckDB's read (csv-totals.ts), Parquet by a plain
 * read_parquet of its money columns when the rows are stored.
 */
import type { Workspace } from '../workspace/workspace'
import { CsvTotals, csvTotals } from './csv-totals'
import type { FileScan } from './file-integrity'
import { parquetTotalsSql, type TypedColumn } from './parquet-totals-sql'
import { costColumnIndexes, type CostColumns, type SourceTotals } from './source-columns'
import type { SourceColumns } from './source-terms'
import type { SourceKind } from './stage-sql'

/**
 * Starts reading the source totals of `path` and returns a function awaiting them.
 * A CSV is read at once, beside staging; a Parquet file when the function is called.
 * `pick` names the money columns for the header the reader finds, or null for a file
 * whose sums another reader provides (nothing more is read).
 */
export function startSourceTotals(
  ws: Workspace,
  path: string,
  kind: SourceKind,
  pick: (header: readonly string[]) => SourceColumns | null,
  signal?: AbortSignal,
  /** A CSV's totals read through the scan of its bytes (csvFeed); without them, the CSV is read here. */
  fed?: Promise<SourceTotals>,
): () => Promise<SourceTotals> {
  // A native Parquet file's sums come from its format's own source sums (native-stage.ts).
  if (kind === 'parquet')
    return () => parquetTotals(ws, path, (header) => focusColumns(pick(header)))
  // JSON lines are only a native export's, summed by its format's source sums (native-stage.ts).
  if (kind === 'jsonl') return () => Promise.resolve({ sums: [], unreadable: null, columns: null })
  const reading = fed ?? csvTotals(path, kind === 'csv.gz', pick, signal)
  // Awaited only if the import gets as far as storing; an earlier failure reports itself.
  reading.catch(() => undefined)
  return () => reading
}

/** The second reader of a CSV or CSV.gz, fed its text by the scan of the file's bytes (file-integrity.ts `onText`). */
export interface CsvFeed {
  /** Reads one chunk of the file's text (nothing once the reader is done, failed or stopped). */
  readonly push: (chunk: Buffer) => void
  /** The totals once `scanning` has read the whole file; rejects when the scan found the bytes damaged. */
  totals(scanning: Promise<FileScan>): Promise<SourceTotals>
}

/**
 * A CSV's second reader fed by the scan: the file is read, and a .csv.gz decompressed, once
 * for the hash, the byte checks and the sums. It still shares nothing with DuckDB's staging
 * or Focal's column mapping: it splits and sums the text itself (csv-totals.ts).
 */
export function csvFeed(
  pick: (header: readonly string[]) => SourceColumns | null,
  signal?: AbortSignal,
): CsvFeed {
  const reader = new CsvTotals(pick)
  let failure: { cause: unknown } | null = null
  return {
    push: (chunk) => {
      if (failure || reader.done || signal?.aborted) return
      try {
        reader.push(chunk)
      } catch (cause) {
        failure = { cause }
      }
    },
    totals: async (scanning) => {
      const scan = await scanning
      if (signal?.aborted) throw new Error('source totals cancelled')
      if (failure) throw failure.cause
      // The scan stopped feeding at the damage; the import is refused for it (refuseDamaged).
      if (scan.problem) throw new Error('source totals not read: the file is damaged')
      return reader.end()
    },
  }
}

async function parquetTotals(
  ws: Workspace,
  path: string,
  pick: (header: readonly string[]) => CostColumns | null,
): Promise<SourceTotals> {
  const described = await ws.all('DESCRIBE SELECT * FROM read_parquet($1)', [path])
  const header = described.map((r) => String(r.column_name))
  const names = pick(header)
  if (names === null) return { sums: [], unreadable: null, columns: null }
  const found = costColumnIndexes(header, names)
  const column = (index: number | null): TypedColumn | null =>
    index === null
      ? null
      : { name: header[index]!, type: String(described[index]?.column_type ?? 'VARCHAR') }
  const billed = column(found.billed)
  const effective = column(found.effective)
  const rows = await ws.all(parquetTotalsSql(column(found.currency), billed, effective), [path])
  let unreadable: SourceTotals['unreadable'] = null
  for (const r of rows) {
    for (const [key, name] of [
      ['bad_billed', billed?.name],
      ['bad_effective', effective?.name],
    ] as const) {
      const row = r[key] == null ? null : Number(r[key]) + 1
      if (row !== null && name && (unreadable === null || row < unreadable.row))
        unreadable = { row, column: name, value: '' }
    }
  }
  return {
    sums: rows.map((r) => ({
      currency: r.currency == null ? null : String(r.currency),
      rows: Number(r.n),
      billed: r.billed == null ? null : String(r.billed),
      effective: r.effective == null ? null : String(r.effective),
    })),
    unreadable,
    columns: names,
  }
}

/** FOCUS names, or null for a native format's terms (read by their SQL for Parquet). */
function focusColumns(columns: SourceColumns | null): CostColumns | null {
  return columns === null || 'terms' in columns ? null : columns
}
