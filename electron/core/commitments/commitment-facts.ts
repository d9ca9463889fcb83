/**
 * What the import registry shows of Contract Commitment imports: each one's
 * ContractCommitmentCost per currency (source and stored), and which later
 * import superseded its commitments or which earlier ones it superseded.
 */
import type { CommitmentDelta, ImportRecord } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import type { Row, Workspace } from '../workspace/workspace'
import { DELTA_SQL } from './commitments-sql'

/** The registry fields a Contract Commitment import fills. */
export type CommitmentFacts = Pick<
  ImportRecord,
  'commitments' | 'supersededBy' | 'supersedes' | 'keptBeside'
>

/** The facts of one Contract Commitment import, or of all (`all`), keyed by import id; other imports are absent. */
export async function readCommitmentFacts(
  ws: Workspace,
  which: number | 'all',
  connection = ws.writer,
): Promise<Map<number, CommitmentFacts>> {
  const filter = which === 'all' ? '' : 'WHERE import_id = $1'
  const values = which === 'all' ? [] : [which]
  // One query after another: a reader connection runs one statement at a time.
  const totals = await ws.all(
    `SELECT import_id, currency, rows, cost_source::VARCHAR AS cost_source, cost_stored::VARCHAR AS cost_stored, reconciled
     FROM commitment_totals ${filter} ORDER BY import_id, currency`,
    values,
    connection,
  )
  if (totals.length === 0) return new Map()
  const supersededBy = await ws.all(
    'SELECT import_id AS id, max(superseded_by) AS v FROM superseded_commitments GROUP BY 1',
    [],
    connection,
  )
  const supersedes = await ws.all(
    'SELECT superseded_by AS id, list(DISTINCT import_id ORDER BY import_id) AS v FROM superseded_commitments GROUP BY 1',
    [],
    connection,
  )
  const kept = await ws.all(
    'SELECT import_id AS id, list(DISTINCT earlier_import_id ORDER BY earlier_import_id) AS v FROM import_overlaps GROUP BY 1',
    [],
    connection,
  )
  const byId = (rows: Row[]): Map<number, unknown> => new Map(rows.map((r) => [Number(r.id), r.v]))
  const [laterOf, earlierOf, keptOf] = [byId(supersededBy), byId(supersedes), byId(kept)]
  const facts = new Map<number, CommitmentFacts>()
  for (const row of totals) {
    const id = Number(row.import_id)
    const later = laterOf.get(id)
    const entry = facts.get(id) ?? {
      commitments: { totals: [], delta: [] },
      supersededBy: later == null ? null : Number(later),
      supersedes: ids(earlierOf.get(id)),
      keptBeside: ids(keptOf.get(id)),
    }
    entry.commitments?.totals.push({
      currency: String(row.currency ?? ''),
      rows: Number(row.rows),
      costSource: normalizeDecimal(String(row.cost_source ?? '0')),
      costStored: normalizeDecimal(String(row.cost_stored ?? '0')),
      reconciled: Boolean(row.reconciled),
    })
    facts.set(id, entry)
  }
  // Only an import that superseded commitments has a delta (a handful per workspace).
  for (const [id, entry] of facts) {
    if (entry.supersedes.length === 0) continue
    const delta = await ws.all(DELTA_SQL, [id], connection)
    entry.commitments?.delta.push(...delta.map(toDelta))
  }
  return facts
}

function toDelta(row: Row): CommitmentDelta {
  return {
    currency: String(row.currency ?? ''),
    added: Number(row.added),
    removed: Number(row.removed),
    changed: Number(row.changed),
    costDifference: normalizeDecimal(String(row.difference ?? '0')),
  }
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : []
}
