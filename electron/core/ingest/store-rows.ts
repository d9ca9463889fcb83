/**
 * The commit step of an import: in one transaction, insert the normalized
 * rows, reconcile totals per currency against the staged source, record the
 * import with its totals, fixes and rule issues. A mismatch rolls back.
 */
import type { ImportRecord, ImportTotal } from '../../../shared/contract'
import { subtractDecimals } from '../../../shared/money'
import { fail } from '../../../shared/contract'
import {
  EXTRA_COLUMN,
  type HeaderMapping,
  type MappedColumn,
} from '../../../shared/formats/focus-header'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { importIdOf, insertImport, readImport, type Attempt } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import { settlePendingFingerprints } from './pending-fingerprints'
import { watchProgress } from './progress'
import { reconcileTotals, type CurrencySums } from './reconcile'
import type { SourceTotals } from './source-columns'
import {
  canonicalValue,
  ROW_FITS_COLUMN,
  rowFitsFastDecimal,
  rowFitsSource,
  sourceRowExpr,
  type SourceKind,
} from './stage-sql'
import { validateImport } from './validate'
import type { FixRule } from './value-checks'

/** Inputs of the commit step. */
export interface StoreInput {
  table: string
  kind: SourceKind
  mapping: HeaderMapping
  sourceTypes: readonly string[]
  attempt: Attempt
  /**
   * Rows in the stage, counted and value-checked before (value-checks.ts); null for a CSV
   * read in place (csvViewSql): a bad value then fails the insert's own casts (TypedReadFailed),
   * and the rows are counted and numbered in file order once inserted.
   */
  rowCount: number | null
  /**
   * True when no value check ran before (a FOCUS Parquet file's typed read): a value that does
   * not convert fails the insert's own casts, reported as TypedReadFailed as for a CSV read in place.
   */
  unchecked?: boolean
  fixes: readonly FixRule[]
  signal?: AbortSignal
  /** The insert's progress, 0…1. */
  onFraction: (fraction: number) => void
  /** Runs inside the transaction just before reconciliation (tests use it to tamper with rows). */
  beforeReconcile?: (importId: number) => Promise<void>
  /** The file's own totals from the second reader (source-totals.ts), compared with what was stored. */
  sourceTotals: () => Promise<SourceTotals>
  /** Awaited inside the transaction before commit: the check that the file did not change. */
  beforeCommit?: () => Promise<void>
  /** The source side of reconciliation for a native format: its own cost columns (native-stage.ts). */
  sourceSums?: () => Promise<CurrencySums[]>
}

/**
 * The insert of a CSV read in place failed for a reason other than a cancel: a value
 * that does not convert, or a row DuckDB refuses. Nothing was stored; the caller reads
 * the file again through the text stage, which names the row and column.
 */
export class TypedReadFailed extends Error {
  constructor(readonly reason: unknown) {
    super('the typed read of the file failed')
  }
}

/** Stores the staged rows as one transaction and returns the import record. */
export async function storeRows(ws: Workspace, input: StoreInput): Promise<ImportRecord> {
  const { mapping, attempt } = input
  // Listened to only inside this import's own writer turn: a cancel while it waits in the queue
  // must not interrupt the statement of the job ahead of it.
  const abort = (): void => ws.writer.interrupt()
  try {
    // The delivery's pending fingerprints are computed in the same writer turn, right after the
    // commit, so no other writer (a month's close) reads them pending (pending-fingerprints.ts).
    const id = await ws.exclusive(async () => {
      const stored = await ws.transaction(async () => {
        if (input.signal?.aborted)
          fail('CANCELLED', `Import of ${attempt.fileName} was cancelled; nothing was added.`)
        input.signal?.addEventListener('abort', abort)
        const importId = await importIdOf(ws, attempt)
        const layout = await addProviderColumns(ws, mapping)
        const stop = watchProgress(ws.writer, input.onFraction)
        try {
          await ws.run(insertSql(input, importId, layout))
        } catch (cause) {
          if ((input.rowCount !== null && !input.unchecked) || /INTERRUPT/i.test(String(cause)))
            throw cause
          throw new TypedReadFailed(cause)
        } finally {
          stop()
        }
        const rowCount = input.rowCount ?? (await numberRows(ws, importId, attempt.fileName))
        await input.beforeReconcile?.(importId)
        const source = input.sourceSums
          ? { sums: await input.sourceSums(), unreadable: null }
          : await input.sourceTotals()
        if (source.unreadable) refuseUnreadable(attempt.fileName, source.unreadable)
        const totals = reconcileTotals(source.sums, await storedSums(ws, importId))
        const mismatches = totals.filter((t) => !t.reconciled)
        if (mismatches.length > 0) {
          fail(
            'RECONCILIATION_FAILED',
            `${attempt.fileName}: totals after import differ from the file (${mismatches.map(describeMismatch).join('; ')}); nothing was stored.`,
            {
              hint: "This is a defect in Focal's normalization; the workspace is unchanged. Report the file to the Focal team.",
              location: { file: attempt.fileName },
              details: { totals },
            },
          )
        }
        for (const t of totals) {
          await ws.run('INSERT INTO import_totals VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
            importId,
            t.currency,
            t.rows,
            t.billedSource,
            t.billedStored,
            t.effectiveSource,
            t.effectiveStored,
            t.reconciled,
          ])
        }
        await input.beforeCommit?.()
        const fixes = await countFixes(ws, importId)
        const issues = await validateImport(
          ws,
          importId,
          new Set(mapping.columns.map((c) => c.target)),
        )
        const columnMap = [
          ...layout.columns.map((c) => ({
            source: c.source,
            target: c.target,
            ...(c.supersededBy
              ? { note: `older name of ${c.supersededBy}, which the file also has` }
              : {}),
            // A value a person supplied for a column the file lacks (assumed-columns.ts).
            ...(c.assumed !== undefined ? { assumed: c.assumed } : {}),
          })),
          ...layout.extra.map((c) => ({ source: c.source, target: EXTRA_COLUMN })),
        ]
        await insertImport(ws, importId, attempt, {
          status: 'imported',
          rowCount,
          reconciled: true,
          fixes,
          issues,
          columnMap,
        })
        await ws.audit('import.imported', attempt.fileName, {
          importId,
          sha256: attempt.sha256,
          rows: rowCount,
          totals,
        })
        return importId
      })
      input.signal?.removeEventListener('abort', abort)
      await settlePendingFingerprints(ws).catch(() => undefined)
      return stored
    })
    return await readImport(ws, id)
  } finally {
    input.signal?.removeEventListener('abort', abort)
  }
}

/** A money value Focal stored but the second reader cannot read as a number: the two reads disagree. */
function refuseUnreadable(fileName: string, at: NonNullable<SourceTotals['unreadable']>): never {
  const value = at.value === '' ? '' : ` "${at.value.slice(0, 60)}"`
  return fail(
    'RECONCILIATION_FAILED',
    `${fileName}, row ${at.row}, column ${at.column}: the value${value} was stored as an amount, but reading the file again it is not a number; nothing was stored.`,
    {
      hint: "This is a defect in Focal's reading of the file; the workspace is unchanged. Report the file to the Focal team.",
      location: { file: fileName, row: at.row, column: at.column },
    },
  )
}

function describeMismatch(t: ImportTotal): string {
  const parts = [`${t.currency || '(no currency)'}`]
  if (t.billedSource !== t.billedStored)
    parts.push(
      `BilledCost file ${t.billedSource} vs stored ${t.billedStored} (difference ${subtractDecimals(t.billedStored, t.billedSource)})`,
    )
  if (t.effectiveSource !== t.effectiveStored)
    parts.push(
      `EffectiveCost file ${t.effectiveSource} vs stored ${t.effectiveStored} (difference ${subtractDecimals(t.effectiveStored, t.effectiveSource)})`,
    )
  if (parts.length === 1) parts.push('row counts differ')
  return parts.join(' ')
}

/**
 * How many x_ columns cost_rows may hold. Each ALTER TABLE … ADD COLUMN costs time
 * that grows with the table's width (2,000 added columns took 22 s and 2.2 GB), and
 * every later query reads a wider table; so a file whose new provider columns would
 * pass this keeps them, under their source names, in one JSON object column x_Extra.
 */
const MAX_PROVIDER_COLUMNS = 200

/** Where a file's columns go: columns of cost_rows, and provider columns kept in x_Extra. */
interface ColumnLayout {
  readonly columns: readonly MappedColumn[]
  readonly extra: readonly MappedColumn[]
}

function insertSql(input: StoreInput, importId: number, layout: ColumnLayout): string {
  const { table, kind, sourceTypes, attempt, fixes } = input
  // A CSV read in place has no row number yet: numberRows sets it after the insert.
  const sourceRow = input.rowCount === null ? '0' : `${sourceRowExpr(kind)} + 1`
  // Read in place, the insert casts untrimmed text: a value that fails falls back to the text stage.
  const inPlace = input.rowCount === null
  // Computed once per row, in the insert's source, for every money column's cast (stage-sql.ts).
  const rowFits = inPlace ? rowFitsFastDecimal(input.mapping.columns, kind) : null
  const fits = rowFits ? quoteIdent(ROW_FITS_COLUMN) : null
  const value = (c: MappedColumn): string =>
    canonicalValue(c, kind, sourceTypes[c.index] ?? 'VARCHAR', inPlace, fits)
  const targets = layout.columns.map((c) => quoteIdent(c.target))
  const values = layout.columns.map(value)
  if (layout.extra.length > 0) {
    targets.push(quoteIdent(EXTRA_COLUMN))
    values.push(
      `json_object(${layout.extra.map((c) => `${quoteLiteral(c.source)}, ${value(c)}`).join(', ')})`,
    )
  }
  const fixCodes = fixCodesSql(fixes)
  return `INSERT INTO cost_rows (${targets.join(', ')}, x_ImportId, x_SourceFile, x_SourceRow, x_SourceFormat, x_FixCodes)
    SELECT ${values.join(', ')}, ${importId}, ${quoteLiteral(attempt.fileName)}, ${sourceRow}, ${quoteLiteral(attempt.format)}, ${fixCodes}
    FROM ${rowFitsSource(table, rowFits)}`
}

/**
 * The x_FixCodes of a row: the codes of the fixes whose condition holds, or NULL. Most rows
 * need no fix, so a list is built only for a row that needs one (building and filtering a
 * list for every row cost about a second per million rows).
 */
function fixCodesSql(fixes: readonly FixRule[]): string {
  if (fixes.length === 0) return 'NULL'
  if (fixes.length === 1)
    return `CASE WHEN ${fixes[0]!.condition} THEN [${quoteLiteral(fixes[0]!.code)}] END`
  const any = fixes.map((f) => `(${f.condition})`).join(' OR ')
  const list = fixes.map((f) => `CASE WHEN ${f.condition} THEN ${quoteLiteral(f.code)} END`)
  return `CASE WHEN ${any} THEN list_filter([${list.join(', ')}], lambda x: x IS NOT NULL) END`
}

/**
 * Adds a VARCHAR column to cost_rows for each provider column not seen before, unless
 * that would take cost_rows past MAX_PROVIDER_COLUMNS x_ columns: then the file's new
 * provider columns go into x_Extra (added once) and the table keeps its width.
 */
async function addProviderColumns(ws: Workspace, mapping: HeaderMapping): Promise<ColumnLayout> {
  const existing = new Set(
    (await ws.all("SELECT column_name FROM duckdb_columns() WHERE table_name = 'cost_rows'")).map(
      (r) => String(r.column_name).toLowerCase(),
    ),
  )
  const added = mapping.columns.filter((c) => !existing.has(c.target.toLowerCase()))
  const providerCount = [...existing].filter((name) => name.startsWith('x_')).length
  if (providerCount + added.length <= MAX_PROVIDER_COLUMNS) {
    for (const column of added)
      await ws.run(`ALTER TABLE cost_rows ADD COLUMN ${quoteIdent(column.target)} VARCHAR`)
    return { columns: mapping.columns, extra: [] }
  }
  // Only provider columns can be new: every FOCUS column is in cost_rows from the start.
  if (!existing.has(EXTRA_COLUMN.toLowerCase()))
    await ws.run(`ALTER TABLE cost_rows ADD COLUMN ${quoteIdent(EXTRA_COLUMN)} VARCHAR`)
  const extra = new Set(added)
  return {
    columns: mapping.columns.filter((c) => !extra.has(c)),
    extra: added,
  }
}

/**
 * Numbers the rows of an import read in place by their order in the file and returns
 * how many there are. An INSERT … SELECT from one file keeps the file's row order
 * (DuckDB's preserve_insertion_order, on by default), and the rows of one statement
 * get consecutive rowids, so the first rowid is row 1. Fails with NO_ROWS for none.
 */
async function numberRows(ws: Workspace, importId: number, fileName: string): Promise<number> {
  await ws.run(
    `UPDATE cost_rows SET x_SourceRow = rowid - (SELECT min(rowid) FROM cost_rows WHERE x_ImportId = $1) + 1
     WHERE x_ImportId = $1`,
    [importId],
  )
  const [row] = await ws.all('SELECT count(*)::BIGINT AS n FROM cost_rows WHERE x_ImportId = $1', [
    importId,
  ])
  const rows = Number(row?.n ?? 0)
  if (rows === 0)
    fail('NO_ROWS', `${fileName} has a header but no rows: there is nothing to import.`, {
      location: { file: fileName },
    })
  return rows
}

async function storedSums(ws: Workspace, importId: number): Promise<CurrencySums[]> {
  const rows = await ws.all(
    `SELECT BillingCurrency AS currency, count(*)::BIGINT AS n, sum(BilledCost)::VARCHAR AS billed, sum(EffectiveCost)::VARCHAR AS effective
     FROM cost_rows WHERE x_ImportId = $1 GROUP BY 1`,
    [importId],
  )
  return rows.map(toSums)
}

function toSums(row: Record<string, unknown>): CurrencySums {
  return {
    currency: row.currency == null ? null : String(row.currency),
    rows: Number(row.n),
    billed: row.billed == null ? null : String(row.billed),
    effective: row.effective == null ? null : String(row.effective),
  }
}

async function countFixes(ws: Workspace, importId: number): Promise<ImportRecord['fixes']> {
  const rows = await ws.all(
    `SELECT code, count(*)::BIGINT AS n FROM (SELECT unnest(x_FixCodes) AS code FROM cost_rows WHERE x_ImportId = $1) GROUP BY code ORDER BY code`,
    [importId],
  )
  return rows.map((r) => ({ code: String(r.code), rows: Number(r.n) }))
}
