/**
 * The workspace's ledger sign-off threshold (shared/ledger/sign-off.ts), kept as one JSON value
 * in `meta` under `ledger_sign_off`: a workspace setting like `embed_sources`, so format 5
 * needs no new table; a workspace that never set it uses DEFAULT_SIGN_OFF. A change is written
 * in one transaction with its `ledger.settings` audit entry holding the old and new values.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type { LedgerSettingsRequest } from '../../../shared/contract/ledger'
import {
  checkSignOff,
  DEFAULT_SIGN_OFF,
  type SignOffThreshold,
} from '../../../shared/ledger/sign-off'
import type { Workspace } from '../workspace/workspace'

/** The `meta` key holding the threshold. */
export const SIGN_OFF_KEY = 'ledger_sign_off'

const READ_SQL = `SELECT value FROM meta WHERE key = '${SIGN_OFF_KEY}'`
const WRITE_SQL = `INSERT OR REPLACE INTO meta VALUES ('${SIGN_OFF_KEY}', $1)`

/** The stored threshold, or the default; a value that no longer checks (edited by hand) reads as the default. */
export async function readSignOff(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<SignOffThreshold> {
  const [row] = await ws.all(READ_SQL, [], connection)
  if (row?.value == null) return { ...DEFAULT_SIGN_OFF }
  try {
    const stored = JSON.parse(String(row.value)) as { amount?: unknown; percent?: unknown }
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
    const checked = checkSignOff({ amount: text(stored.amount), percent: text(stored.percent) })
    return checked.ok ? checked.value : { ...DEFAULT_SIGN_OFF }
  } catch {
    return { ...DEFAULT_SIGN_OFF }
  }
}

/**
 * Changes the parts given (absent: kept; null or empty: off), checked as a whole, with an
 * audit entry; returns the threshold now. A refused value stores nothing.
 */
export async function writeSignOff(
  ws: Workspace,
  change: LedgerSettingsRequest,
): Promise<SignOffThreshold> {
  return ws.transaction(async () => {
    const before = await readSignOff(ws)
    const checked = checkSignOff({
      amount: change.amount === undefined ? before.amount : change.amount,
      percent: change.percent === undefined ? before.percent : change.percent,
    })
    if (!checked.ok)
      fail('BAD_REQUEST', checked.message, {
        hint: 'Give the amount in the mover’s currency and the percent as decimals of 0 or more (at most 4 decimals); one of them may be empty.',
      })
    const after = checked.value
    if (after.amount === before.amount && after.percent === before.percent) return before
    await ws.run(WRITE_SQL, [JSON.stringify(after)])
    await ws.audit('ledger.settings', 'sign-off threshold', { old: before, new: after })
    return after
  })
}
