/**
 * Summaries read back from an allocated-lines table: per currency and target
 * the direct, shared and total amounts ("Unallocated" always present), and
 * per pool what was split, how, and where its residue went.
 */
import type { GroupSplit } from '../../../shared/allocate/pool-split'
import { compareTargets } from '../../../shared/allocate/split'
import { normalizeDecimal } from '../../../shared/money'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { UNALLOCATED } from './lines'

/** One target's amounts in one currency. */
export interface TargetSummary {
  readonly currency: string
  readonly target: string
  /** Rows assigned by rules (or separate-line policies). */
  readonly direct: string
  /** Shares of pools. */
  readonly shared: string
  readonly total: string
  readonly lines: number
}

/** One pool split (a pool in one currency, and one commitment for unused commitments). */
export interface PoolSummary {
  readonly pool: string
  readonly label: string
  readonly method: string
  readonly currency: string
  readonly group: string | null
  readonly amount: string
  readonly rows: number
  readonly basis: string
  readonly targets: number
  /** Why the pool stayed in Unallocated, when it did. */
  readonly unsplit: string | null
}

/** Reads the per-target summary of `table` and describes the pool splits. */
export async function summarizeLines(
  ws: Workspace,
  table: string,
  splits: readonly GroupSplit[],
): Promise<{ summary: TargetSummary[]; pools: PoolSummary[]; rows: number }> {
  const rows = await ws.all(
    `SELECT coalesce(BillingCurrency, '') AS cur, target,
       coalesce(sum(amount) FILTER (WHERE pool IS NULL), 0)::VARCHAR AS direct,
       coalesce(sum(amount) FILTER (WHERE pool IS NOT NULL AND target <> $1), 0)::VARCHAR AS shared,
       sum(amount)::VARCHAR AS total, count(*) AS n
     FROM ${quoteIdent(table)} GROUP BY ALL`,
    [UNALLOCATED],
  )
  const summary: TargetSummary[] = rows.map((r) => {
    const unallocated = String(r.target) === UNALLOCATED
    const total = normalizeDecimal(String(r.total))
    return {
      currency: String(r.cur),
      target: String(r.target),
      // Pool rows that could not be split are unallocated cost, shown as Unallocated's direct part.
      direct: unallocated ? total : normalizeDecimal(String(r.direct)),
      shared: unallocated ? '0' : normalizeDecimal(String(r.shared)),
      total,
      lines: Number(r.n),
    }
  })
  // "Unallocated" is always shown, also when nothing landed there.
  for (const currency of new Set(summary.map((s) => s.currency))) {
    if (!summary.some((s) => s.currency === currency && s.target === UNALLOCATED))
      summary.push({
        currency,
        target: UNALLOCATED,
        direct: '0',
        shared: '0',
        total: '0',
        lines: 0,
      })
  }
  summary.sort(
    (a, b) =>
      compareTargets(a.currency, b.currency) ||
      Number(a.target === UNALLOCATED) - Number(b.target === UNALLOCATED) ||
      compareTargets(a.target, b.target),
  )
  const pools = splits.map((s) => ({
    pool: s.group.pool,
    label: s.definition.label,
    method: s.definition.method,
    currency: s.group.currency,
    group: s.group.groupKey || null,
    amount: s.group.total,
    rows: s.group.rows,
    basis: s.basis,
    targets: s.shares.length,
    unsplit: s.unsplit,
  }))
  return { summary, pools, rows: summary.reduce((n, s) => n + s.lines, 0) }
}
