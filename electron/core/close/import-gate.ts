/**
 * The import gate of closed months: called inside an import's transaction,
 * after its rows are stored and before its delivery is settled, it refuses
 * (PERIOD_CLOSED, rolling the import back) a file with any row in a closed
 * period. A restatement or supersession of a closed month, and an Azure view
 * that would merge with one, all bring rows of that month, so they are
 * refused here too.
 */
import { fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { IMPORT_PERIODS_SQL } from './close-sql'
import { describeClose, periodStates } from './period-records'

/** Throws PERIOD_CLOSED when import `importId`'s stored rows fall in a closed period. */
export async function refuseClosedPeriods(
  ws: Workspace,
  importId: number,
  fileName: string,
): Promise<void> {
  const closed = (await periodStates(ws)).filter((s) => s.state === 'closed' && s.close)
  // Most workspaces close nothing: no scan of the new rows at all.
  if (closed.length === 0) return
  const hit = (
    await ws.all(IMPORT_PERIODS_SQL, [importId, closed.map((s) => s.period).join(',')])
  ).map((r) => String(r.period))
  if (hit.length === 0) return
  const first = closed.find((s) => s.period === hit[0])
  const record = first?.close
  if (!record) return
  const more = hit.length > 1 ? ` (and rows in ${hit.slice(1).join(', ')}, closed too)` : ''
  fail(
    'PERIOD_CLOSED',
    `${fileName} has rows in the billing period ${record.period}, which was ${describeClose(record)}${more}. Nothing was imported.`,
    {
      hint: `Reopen the month first (focal reopen -w <workspace> --period ${record.period} --note "<why>", or Reopen on the Reports screen), then import the file again; the next pack shows the changes since the close.`,
      location: { file: fileName },
      details: { periods: hit, closedAt: record.at, closedBy: record.actor, note: record.note },
    },
  )
}
