/**
 * The months a workspace knows — every period with cost rows, and every one
 * ever closed — each with its state and its exported packs (newest first,
 * flagged when they no longer match the data). `focal periods` prints it;
 * the Reports screen shows the selected month's entry.
 */
import { PERIODS_SQL } from '../report/line-queries'
import type { Workspace } from '../workspace/workspace'
import { currentDataFingerprint } from './fingerprint'
import { listPacks, type ListedPack } from './packs'
import { periodStates, type PeriodState } from './period-records'

/** One month: whether it has cost rows, its state and its packs. */
export interface PeriodEntry extends PeriodState {
  hasRows: boolean
  /**
   * Closed, and what its figures are made from changed since (a tag alias, a mapping or a
   * rule version: no import can) — said plainly, since the close no longer holds them.
   */
  inputsChanged: boolean
  packs: ListedPack[]
}

/** Every month, oldest first. */
export async function listPeriods(ws: Workspace): Promise<PeriodEntry[]> {
  const withRows = new Set((await ws.all(PERIODS_SQL)).map((r) => String(r.period)))
  const states = new Map((await periodStates(ws)).map((s) => [s.period, s]))
  const packs = await listPacks(ws)
  const periods = [...new Set([...withRows, ...states.keys()])].sort()
  const entries: PeriodEntry[] = []
  for (const period of periods) {
    const state = states.get(period) ?? { period, state: 'open', close: null, reopen: null }
    entries.push({
      ...state,
      hasRows: withRows.has(period),
      inputsChanged: await inputsChanged(ws, state),
      packs: packs.filter((p) => p.period === period),
    })
  }
  return entries
}

async function inputsChanged(ws: Workspace, state: PeriodState): Promise<boolean> {
  const close = state.close
  if (state.state !== 'closed' || !close?.dataFingerprint) return false
  const now = await currentDataFingerprint(ws, state.period, {
    ruleVersion: close.ruleVersion,
    groupedBy: close.groupedBy ?? '',
  })
  return now !== close.dataFingerprint
}
