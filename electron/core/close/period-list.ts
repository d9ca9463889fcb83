/**
 * The months a workspace knows — every period with cost rows, and every one
 * ever closed — each with its state and its exported packs (newest first,
 * flagged when they no longer match the data). `focal periods` prints it;
 * the Reports screen shows the selected month's entry.
 */
import { PERIODS_SQL } from '../report/line-queries'
import type { Workspace } from '../workspace/workspace'
import { listPacks, type ListedPack } from './packs'
import { periodStates, type PeriodState } from './period-records'

/** One month: whether it has cost rows, its state and its packs. */
export interface PeriodEntry extends PeriodState {
  hasRows: boolean
  packs: ListedPack[]
}

/** Every month, oldest first. */
export async function listPeriods(ws: Workspace): Promise<PeriodEntry[]> {
  const withRows = new Set((await ws.all(PERIODS_SQL)).map((r) => String(r.period)))
  const states = new Map((await periodStates(ws)).map((s) => [s.period, s]))
  const packs = await listPacks(ws)
  const periods = [...new Set([...withRows, ...states.keys()])].sort()
  return periods.map((period) => ({
    ...(states.get(period) ?? { period, state: 'open', close: null, reopen: null }),
    hasRows: withRows.has(period),
    packs: packs.filter((p) => p.period === period),
  }))
}
