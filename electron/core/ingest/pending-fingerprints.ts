/**
 * A delivery's content fingerprints (delivery-identity-sql.ts) read every column of every row
 * it stored. Inside the import's transaction DuckDB reads those uncommitted rows on one
 * thread, so an import that no earlier import overlaps records its scopes with the
 * fingerprint pending and computes it right after its commit, in the same writer turn
 * (store-rows.ts, so no other writer, such as a month's close, reads it pending), where the
 * same read runs on every thread (about half the wall time, and a second thread no longer
 * spins beside it). Nothing decides by a pending fingerprint: an import that an earlier one
 * overlaps computes every pending fingerprint before it compares them (delivery-identity.ts),
 * and one left pending by a stop between the commit and its computation is computed when the
 * workspace is opened again or at the next import.
 */
import type { Workspace } from '../workspace/workspace'
import { FILL_FINGERPRINTS_SQL, PENDING_IMPORTS_SQL } from './delivery-identity-sql'

/** Computes every pending fingerprint, inside the caller's writer turn or transaction. */
export async function fillPendingFingerprints(ws: Workspace): Promise<void> {
  const pending = await ws.all(PENDING_IMPORTS_SQL)
  for (const row of pending) await ws.run(FILL_FINGERPRINTS_SQL, [Number(row.import_id)])
}

/** Computes every pending fingerprint in a transaction of its own (after an import's commit, at open). */
export async function settlePendingFingerprints(ws: Workspace): Promise<void> {
  // Most calls find none: no transaction, and no new data version for the caches.
  if ((await ws.all(PENDING_IMPORTS_SQL)).length === 0) return
  await ws.transaction(() => fillPendingFingerprints(ws))
}
