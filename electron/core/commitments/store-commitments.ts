/**
 * The commit step of a Contract Commitment import (FOCUS 1.3+ dataset): in one
 * transaction, insert the typed rows into contract_commitments, reconcile
 * ContractCommitmentCost per currency against the file's own sums (read by
 * the second reader, source-totals.ts), settle the delivery's identity, and
 * record the import. A mismatch rolls back. cost_rows is never touched.
 */
import type { CommitmentTotal, ImportRecord, OverlapChoice } from '../../../shared/contract'
import { fail } from '../../../shared/contract'
import { CONTRACT_COMMITMENT_RULES } from '../../../shared/focus/contract-commitment'
import { subtractDecimals } from '../../../shared/money'
import { reconcileTotals, type CurrencySums } from '../ingest/reconcile'
import type { SourceTotals } from '../ingest/source-columns'
import type { SourceKind } from '../ingest/stage-sql'
import type { FixRule } from '../ingest/value-checks'
import { runRules } from '../validate/rule-results'
import { FILE_COLUMNS, fileRelationSql } from '../validate/validate-sql'
import { importIdOf, insertImport, readImport, type Attempt } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import type { CommitmentMapping } from './commitment-mapping'
import { settleCommitments } from './commitment-identity'
import { STORED_SUMS_SQL, insertCommitmentsSql, missingIdSql } from './commitments-sql'

/** Inputs of the commit step. */
export interface CommitmentStoreInput {
  readonly table: string
  readonly kind: SourceKind
  readonly header: CommitmentMapping
  readonly sourceTypes: readonly string[]
  readonly attempt: Attempt
  readonly rowCount: number
  /** Fixes the value checks found (ingest/value-checks.ts): counted and recorded, never hidden. */
  readonly fixes: readonly FixRule[]
  readonly onOverlap?: OverlapChoice
  /** The file's own sums of ContractCommitmentCost per currency (the second reader). */
  readonly sourceTotals: () => Promise<SourceTotals>
  /** Awaited inside the transaction before commit: the check that the file did not change. */
  readonly beforeCommit?: () => Promise<void>
  /** Runs inside the transaction just before reconciliation (tests use it to tamper with rows). */
  readonly beforeReconcile?: (importId: number) => Promise<void>
}

/** Stores a staged Contract Commitment file as one transaction and returns its import record. */
export async function storeCommitments(
  ws: Workspace,
  input: CommitmentStoreInput,
): Promise<ImportRecord> {
  const { attempt, table, kind, header } = input
  const fileName = attempt.fileName
  await refuseMissingIds(ws, input)
  const issues = await checkRules(ws, input)
  const fixes = await countFixes(ws, input)
  const id = await ws.transaction(async () => {
    const importId = await importIdOf(ws, attempt)
    await ws.run(
      insertCommitmentsSql({
        table,
        kind,
        sourceTypes: input.sourceTypes,
        columns: header.mapping.columns,
        extra: header.extra,
        importId,
        fileName,
        format: attempt.format,
      }),
    )
    await input.beforeReconcile?.(importId)
    const source = await input.sourceTotals()
    if (source.unreadable) {
      const at = source.unreadable
      fail(
        'RECONCILIATION_FAILED',
        `${fileName}, row ${at.row}, column ${at.column}: the value "${at.value.slice(0, 60)}" was stored as an amount, but reading the file again it is not a number; nothing was stored.`,
        {
          hint: "This is a defect in Focal's reading of the file; the workspace is unchanged. Report the file to the Focal team.",
          location: { file: fileName, row: at.row, column: at.column },
        },
      )
    }
    const stored = (await ws.all(STORED_SUMS_SQL, [importId])).map(toSums)
    const totals = reconcileTotals(source.sums, stored).map(toCommitmentTotal)
    const mismatches = totals.filter((t) => !t.reconciled)
    if (mismatches.length > 0)
      fail(
        'RECONCILIATION_FAILED',
        `${fileName}: ContractCommitmentCost after import differs from the file (${mismatches.map(describeMismatch).join('; ')}); nothing was stored.`,
        {
          hint: "This is a defect in Focal's reading of the file; the workspace is unchanged. Report the file to the Focal team.",
          location: { file: fileName },
          details: { totals },
        },
      )
    for (const t of totals)
      await ws.run('INSERT INTO commitment_totals VALUES ($1, $2, $3, $4, $5, $6)', [
        importId,
        t.currency,
        t.rows,
        t.costSource,
        t.costStored,
        t.reconciled,
      ])
    await settleCommitments(ws, importId, fileName, input.onOverlap)
    await input.beforeCommit?.()
    await insertImport(ws, importId, attempt, {
      status: 'imported',
      rowCount: input.rowCount,
      reconciled: true,
      fixes,
      issues,
      columnMap: [
        ...header.mapping.columns.map((c) => ({ source: c.source, target: c.target })),
        ...header.extra.map((c) => ({ source: c.source, target: 'x_Extra' })),
      ],
    })
    await ws.audit('import.imported', fileName, {
      importId,
      sha256: attempt.sha256,
      dataset: 'ContractCommitment',
      rows: input.rowCount,
      totals,
    })
    return importId
  })
  return readImport(ws, id)
}

/** A commitment is identified by its ContractCommitmentId (FOCUS 1.4: not nullable); a row without one is refused. */
async function refuseMissingIds(ws: Workspace, input: CommitmentStoreInput): Promise<void> {
  const id = input.header.mapping.columns.find((c) => c.target === 'ContractCommitmentId')
  if (!id) return
  const [found] = await ws.all(missingIdSql(input.table, id, input.kind))
  if (found?.r == null) return
  const row = Number(found.r) + 1
  const more = Number(found.n) - 1
  fail(
    'BAD_VALUE',
    `${input.attempt.fileName}, row ${row}, column ContractCommitmentId: the value is empty, but every commitment needs its id.${more > 0 ? ` ${more} more row${more > 1 ? 's' : ''} in the file lack one.` : ''}`,
    {
      hint: 'FOCUS requires ContractCommitmentId on every row of the Contract Commitment dataset. Fix the file and import it again. Nothing was imported.',
      location: { file: input.attempt.fileName, row, column: 'ContractCommitmentId', value: '' },
      details: { badValues: Number(found.n) },
    },
  )
}

/** The dataset's rules over the staged rows (as focal validate runs them); failures are reported, never hidden. */
async function checkRules(
  ws: Workspace,
  input: CommitmentStoreInput,
): Promise<ImportRecord['issues']> {
  const relation = ws.tempName('commitment_rules')
  const columns = input.header.mapping.columns
  await ws.run(fileRelationSql(relation, input.table, input.kind, columns, input.sourceTypes))
  try {
    const { rules } = await runRules(ws, relation, FILE_COLUMNS, {
      rules: CONTRACT_COMMITMENT_RULES,
      version: input.header.mapping.version,
      present: new Set(columns.map((c) => c.target)),
      rowExpr: 'source_row',
      checkPresence: false,
    })
    return rules.map((r) => ({
      rule: r.rule,
      rows: r.failingRows,
      message: r.message,
      firstRow: r.samples[0]?.row ?? 0,
    }))
  } finally {
    await ws.run(`DROP VIEW IF EXISTS "${relation}"`).catch(() => undefined)
  }
}

/** Rows each fix applies to, read from the stage (a commitment row has no per-row fix codes). */
async function countFixes(
  ws: Workspace,
  input: CommitmentStoreInput,
): Promise<ImportRecord['fixes']> {
  if (input.fixes.length === 0) return []
  const select = input.fixes.map((f, i) => `count(*) FILTER (WHERE ${f.condition}) AS n${i}`)
  const [counts = {}] = await ws.all(`SELECT ${select.join(', ')} FROM "${input.table}"`)
  return input.fixes
    .map((f, i) => ({ code: f.code, rows: Number(counts[`n${i}`] ?? 0) }))
    .filter((f) => f.rows > 0)
}

function toSums(row: Record<string, unknown>): CurrencySums {
  return {
    currency: row.currency == null ? null : String(row.currency),
    rows: Number(row.n),
    billed: row.billed == null ? null : String(row.billed),
    effective: null,
  }
}

/** A reconciled total whose "billed" side is ContractCommitmentCost (effective is absent: zero both sides). */
function toCommitmentTotal(t: ReturnType<typeof reconcileTotals>[number]): CommitmentTotal {
  return {
    currency: t.currency,
    rows: t.rows,
    costSource: t.billedSource,
    costStored: t.billedStored,
    reconciled: t.reconciled,
  }
}

function describeMismatch(t: CommitmentTotal): string {
  const currency = t.currency || '(no currency)'
  return t.costSource === t.costStored
    ? `${currency} row counts differ`
    : `${currency} file ${t.costSource} vs stored ${t.costStored} (difference ${subtractDecimals(t.costStored, t.costSource)})`
}
