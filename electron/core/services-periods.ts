/**
 * The month-close channels of the core services (electron/core/close): the
 * months with their state and packs, and closing or reopening one with a
 * note. A close's figures come from the same source a pack takes (a column or
 * tag, or the saved rules), so the Reports screen closes what it shows.
 */
import type { FocalApi, PeriodEntryInfo } from '../../shared/contract'
import { closePeriod, reopenPeriod } from './close/close-period'
import { listPeriods } from './close/period-list'
import { linesSourceOf } from './report/report-request'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type PeriodChannel = 'periods:list' | 'periods:close' | 'periods:reopen'

async function entryOf(ws: Workspace, period: string): Promise<PeriodEntryInfo> {
  const entry = (await listPeriods(ws)).find((p) => p.period === period)
  return (
    entry ?? {
      period,
      state: 'open',
      close: null,
      reopen: null,
      hasRows: false,
      inputsChanged: false,
      packs: [],
    }
  )
}

/** Creates the month-close handlers over the open workspace. */
export function createPeriodServices(workspace: () => Workspace): Pick<FocalApi, PeriodChannel> {
  return {
    'periods:list': async () => listPeriods(workspace()),
    'periods:close': async ({ period, note, metric, source }) => {
      const ws = workspace()
      await closePeriod(ws, { period, note, metric, source: linesSourceOf(source) })
      return entryOf(ws, period)
    },
    'periods:reopen': async ({ period, note }) => {
      const ws = workspace()
      await reopenPeriod(ws, { period, note })
      return entryOf(ws, period)
    },
  }
}
