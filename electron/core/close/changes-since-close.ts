/**
 * "Changes since close": what a reopened period's next pack states against
 * the figures its close froze, per cost center and currency, exactly (DECIMAL
 * text, subtracted as scaled integers). A pack made another way than the
 * close (another metric or grouping) cannot be compared line by line; it says
 * so instead of inventing a delta.
 */
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import type { Workspace } from '../workspace/workspace'
import { periodState, type Figure } from './period-records'

/** One target and currency: closed, now, and now − closed. */
export interface FigureChange {
  target: string
  currency: string
  closed: string
  now: string
  delta: string
}

/** The section a reopened period's pack carries. */
export interface ChangesSinceClose {
  period: string
  closedAt: string
  closedBy: string
  closeNote: string
  reopenedAt: string
  reopenNote: string
  /** False when the pack's metric or grouping is not the close's; `lines` and `totals` are then empty. */
  comparable: boolean
  reason: string | null
  /** Every target and currency of either side, changed or not, in order. */
  lines: FigureChange[]
  /** Per currency, over all targets (Unallocated included). */
  totals: FigureChange[]
  closedAllocationFingerprint: string | null
}

const key = (f: { target: string; currency: string }): string =>
  JSON.stringify([f.target, f.currency])

/** Compares `figures` with the close of `period` when the period is reopened; null otherwise. */
export async function changesSinceClose(
  ws: Workspace,
  pack: { period: string; metric: string; groupedBy: string; figures: readonly Figure[] },
): Promise<ChangesSinceClose | null> {
  const state = await periodState(ws, pack.period)
  if (state.state !== 'reopened' || !state.close || !state.reopen) return null
  const { close, reopen } = state
  const base = {
    period: pack.period,
    closedAt: close.at,
    closedBy: close.actor,
    closeNote: close.note,
    reopenedAt: reopen.at,
    reopenNote: reopen.note,
    closedAllocationFingerprint: close.allocationFingerprint,
  }
  if (close.metric !== pack.metric || close.groupedBy !== pack.groupedBy)
    return {
      ...base,
      comparable: false,
      reason: `The close froze ${close.metric ?? '?'} by ${close.groupedBy ?? '?'}; this pack is ${pack.metric} by ${pack.groupedBy}.`,
      lines: [],
      totals: [],
    }
  return { ...base, comparable: true, reason: null, ...compareFigures(close.figures, pack.figures) }
}

/** Line-by-line and per-currency comparison of two sets of figures. */
export function compareFigures(
  closed: readonly Figure[],
  now: readonly Figure[],
): { lines: FigureChange[]; totals: FigureChange[] } {
  const before = new Map(closed.map((f) => [key(f), f]))
  const after = new Map(now.map((f) => [key(f), f]))
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort()
  const lines = keys.map((k) => {
    const [target, currency] = JSON.parse(k) as [string, string]
    const a = normalizeDecimal(before.get(k)?.amount ?? '0')
    const b = normalizeDecimal(after.get(k)?.amount ?? '0')
    return { target, currency, closed: a, now: b, delta: subtractDecimals(b, a) }
  })
  const currencies = [...new Set(lines.map((l) => l.currency))].sort()
  const totals = currencies.map((currency) => {
    const of = (pick: (l: FigureChange) => string): string =>
      sumDecimals(lines.filter((l) => l.currency === currency).map(pick))
    const a = of((l) => l.closed)
    const b = of((l) => l.now)
    return { target: '', currency, closed: a, now: b, delta: subtractDecimals(b, a) }
  })
  return { lines, totals }
}
