/**
 * The same commitments are never counted twice. Runs inside a Contract
 * Commitment import's transaction, after its rows are inserted, and decides as
 * a cost delivery does (ingest/delivery-identity.ts), with the commitment's
 * ContractCommitmentId as the row identity:
 *
 * - no earlier import counts any of its commitments: new commitments, stored;
 * - an earlier import holds exactly its rows (in other bytes or under another
 *   name, or an older version a later import superseded): already imported
 *   (DUPLICATE_FILE), nothing added;
 * - every earlier import it shares commitments with has no counted commitment
 *   it lacks: a restatement, which supersedes those imports' rows (kept for audit);
 * - anything else is a partial overlap: refused with OVERLAP unless the user
 *   chose to supersede the shared commitments, keep both, or skip the file.
 */
import { fail, type OverlapChoice } from '../../../shared/contract'
import type { Row, Workspace } from '../workspace/workspace'
import { DELTA_SQL, OVERLAPS_SQL, SAME_CONTENT_SQL, SUPERSEDE_SQL } from './commitments-sql'

/** An earlier import sharing commitments with the new one. */
interface Overlap {
  importId: number
  fileName: string
  /** Its counted commitments the new file restates, and those it does not. */
  shared: number
  others: number
}

/**
 * Identifies Contract Commitment import `importId` (rows inserted, transaction open) and
 * applies the rule above; throws a FocalFailure to refuse it, which rolls the import back.
 */
export async function settleCommitments(
  ws: Workspace,
  importId: number,
  fileName: string,
  onOverlap?: OverlapChoice,
): Promise<void> {
  const [same] = await ws.all(SAME_CONTENT_SQL, [importId])
  if (same) refuseDuplicate(fileName, same)
  const overlaps = (await ws.all(OVERLAPS_SQL, [importId])).map(toOverlap)
  if (overlaps.length === 0) return
  const clean = overlaps.every((o) => o.others === 0)
  const choice = onOverlap ?? (clean ? 'supersede' : undefined)
  if (choice === 'supersede') {
    for (const o of overlaps) await ws.run(SUPERSEDE_SQL, [o.importId, importId])
    await ws.audit('import.supersede', fileName, {
      importId,
      supersedes: overlaps.map((o) => o.importId),
      commitments: overlaps.reduce((n, o) => n + o.shared, 0),
      delta: await ws.all(DELTA_SQL, [importId]),
    })
  } else if (choice === 'keep-both') {
    for (const o of overlaps)
      await ws.run('INSERT INTO import_overlaps VALUES ($1, $2)', [importId, o.importId])
    await ws.audit('import.keep-both', fileName, {
      importId,
      overlaps: overlaps.map((o) => o.importId),
    })
  } else refuseOverlap(fileName, overlaps, choice === 'skip')
}

function refuseDuplicate(fileName: string, same: Row): never {
  const earlier = `import #${Number(same.import_id)} (${String(same.file_name)})`
  const later = same.superseded_by == null ? null : Number(same.superseded_by)
  fail(
    'DUPLICATE_FILE',
    later === null
      ? `${fileName} is already imported (the same commitments as ${earlier}, in other bytes or under another name); nothing was added.`
      : `${fileName} is already imported: its commitments are those of ${earlier}, which import #${later} superseded; nothing was added.`,
    {
      ...(later === null
        ? {}
        : {
            hint: 'The newer commitments stay counted. Import the older file again only if it changed.',
          }),
      details: { importId: Number(same.import_id) },
    },
  )
}

function refuseOverlap(fileName: string, overlaps: readonly Overlap[], skipped: boolean): never {
  const shared = overlaps.reduce((n, o) => n + o.shared, 0)
  const earlier = overlaps.map((o) => `import #${o.importId} (${o.fileName})`).join(', ')
  const message = `${fileName} restates ${shared} commitment${shared === 1 ? '' : 's'} of ${earlier} but not ${overlaps.length === 1 ? 'its' : 'their'} other commitments`
  fail(
    'OVERLAP',
    skipped ? `${message}; skipped as asked, nothing was added.` : `${message}; nothing was added.`,
    {
      hint: skipped
        ? undefined
        : 'Import it again choosing what to do: supersede the earlier rows of the shared commitments, keep both, or skip it (focal import --on-overlap supersede|keep-both|skip).',
      location: { file: fileName },
      details: { skipped, importIds: overlaps.map((o) => o.importId) },
    },
  )
}

function toOverlap(row: Row): Overlap {
  return {
    importId: Number(row.import_id),
    fileName: String(row.file_name),
    shared: Number(row.shared),
    others: Number(row.others),
  }
}
