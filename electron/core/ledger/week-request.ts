/** A week named in a ledger request, and the weeks a workspace has data for. */
import { fail } from '../../../shared/contract'
import type { LedgerWeeks } from '../../../shared/contract/ledger'
import {
  IsoWeekError,
  isoWeekOf,
  parseIsoWeek,
  type IsoWeek,
} from '../../../shared/ledger/iso-week'
import type { Workspace } from '../workspace/workspace'
import { LEDGER_WEEKS_SQL } from './ledger-sql'

/** Parses a week for a request, failing with BAD_REQUEST and the reason. */
export function requestWeek(text: string): IsoWeek {
  try {
    return parseIsoWeek(text)
  } catch (cause) {
    if (cause instanceof IsoWeekError) fail('BAD_REQUEST', cause.message)
    throw cause
  }
}

/**
 * The ISO weeks with rows, latest first, and the latest complete one: the latest whose next
 * Monday the data reaches (a charge period ending at or after it), the ledger's default.
 */
export async function ledgerWeeks(ws: Workspace): Promise<Omit<LedgerWeeks, 'ownerDimension'>> {
  const connection = await ws.reader()
  try {
    const rows = await ws.all(LEDGER_WEEKS_SQL, [], connection)
    const weeks = rows.map((r) => isoWeekOf(String(r.monday)))
    const lastEnd = rows.reduce((m, r) => (String(r.last_end) > m ? String(r.last_end) : m), '')
    const complete = weeks.find((w) => `${w.end}T00:00:00` <= lastEnd)
    return { weeks: weeks.map((w) => w.label), latestComplete: complete?.label ?? null }
  } finally {
    connection.closeSync()
  }
}
