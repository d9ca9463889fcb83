/**
 * Supersession: a later import replaces an earlier import's rows of shared
 * scopes. The old rows stay in cost_rows for audit; superseded_scopes takes
 * them out of the focus view, which every total reads (schema.ts). Each
 * supersession is logged with its delta per currency.
 */
import type { DeliveryScope, ImportRecord, SupersessionDelta } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { readCostViewFacts } from '../ingest/azure-cost-view'
import { INSERT_DELTA_SQL, SUPERSEDE_SCOPE_SQL } from '../ingest/delivery-identity-sql'
import type { Row, Workspace } from './workspace'

/** A scope: provider, billing account and billing period start (ISO, UTC). */
export interface ScopeKey {
  provider: string | null
  billingAccountId: string | null
  billingPeriodStart: string | null
}

/** An earlier import's scope to replace. */
export interface ScopeOfImport extends ScopeKey {
  importId: number
  fileName: string
}

/**
 * Marks each given scope of an earlier import superseded by `importId`, records the delta, logs it.
 * `options.deltaSql` records the delta of more rows than import $1's (a whole AWS CUR delivery).
 */
export async function supersedeScopes(
  ws: Workspace,
  importId: number,
  fileName: string,
  scopes: readonly ScopeOfImport[],
  options: { deltaSql?: string } = {},
): Promise<void> {
  for (const s of scopes)
    await ws.run(SUPERSEDE_SCOPE_SQL, [
      s.importId,
      s.provider,
      s.billingAccountId,
      s.billingPeriodStart,
      importId,
    ])
  await ws.run(options.deltaSql ?? INSERT_DELTA_SQL, [importId])
  await ws.audit('import.supersede', fileName, {
    importId,
    supersedes: distinctIds(scopes),
    scopes: scopes.map(({ importId: earlier, provider, billingAccountId, billingPeriodStart }) => ({
      importId: earlier,
      provider,
      billingAccountId,
      billingPeriodStart,
    })),
    delta: await readDelta(ws, importId),
  })
}

/** Records that the user chose to count `importId` beside the earlier imports it overlaps, and logs it. */
export async function recordKeptOverlaps(
  ws: Workspace,
  importId: number,
  fileName: string,
  scopes: readonly ScopeOfImport[],
): Promise<void> {
  const earlier = distinctIds(scopes)
  for (const id of earlier)
    await ws.run('INSERT INTO import_overlaps VALUES ($1, $2)', [importId, id])
  await ws.audit('import.keep-both', fileName, { importId, overlaps: earlier })
}

/** An import's delivery identity as the registry shows it. */
export type DeliveryFacts = Pick<
  ImportRecord,
  'scopes' | 'supersededBy' | 'supersedes' | 'keptBeside' | 'delta' | 'costView'
>

/**
 * The delivery facts of one import, or of every import (`all`), keyed by import id; an
 * import with none (it stored nothing) is absent. A handful of queries however many imports.
 */
export async function readDeliveryFacts(
  ws: Workspace,
  which: number | 'all',
  connection = ws.writer,
): Promise<Map<number, DeliveryFacts>> {
  const read = (sql: string, values: number[] = []): Promise<Row[]> =>
    ws.all(sql, values, connection)
  // One query after another: a reader connection runs one statement at a time.
  const scopes = await read(
    `SELECT i.import_id, i.provider, i.billing_account_id,
        strftime(i.billing_period_start, '%Y-%m-%dT%H:%M:%SZ') AS period, i.rows,
        (SELECT max(s.superseded_by) FROM superseded_scopes s WHERE s.import_id = i.import_id
          AND s.provider IS NOT DISTINCT FROM i.provider AND s.billing_account_id IS NOT DISTINCT FROM i.billing_account_id
          AND s.billing_period_start IS NOT DISTINCT FROM i.billing_period_start) AS superseded_by
      FROM import_scopes i ${which === 'all' ? '' : 'WHERE i.import_id = $1'}
      ORDER BY i.billing_period_start, i.provider, i.billing_account_id`,
    which === 'all' ? [] : [which],
  )
  const supersededBy = await read(
    'SELECT import_id AS id, max(superseded_by) AS v FROM superseded_scopes GROUP BY 1',
  )
  const supersedes = await read(
    'SELECT superseded_by AS id, list(DISTINCT import_id ORDER BY import_id) AS v FROM superseded_scopes GROUP BY 1',
  )
  const kept = await read(
    'SELECT import_id AS id, list(DISTINCT earlier_import_id ORDER BY earlier_import_id) AS v FROM import_overlaps GROUP BY 1',
  )
  const deltas = await read(`SELECT import_id, currency, rows_added, rows_removed, rows_changed,
      billed_difference::VARCHAR AS billed, effective_difference::VARCHAR AS effective
    FROM import_deltas ORDER BY import_id, currency`)
  const costViews = await readCostViewFacts(ws, which, connection)
  const byId = (rows: Row[]): Map<number, unknown> => new Map(rows.map((r) => [Number(r.id), r.v]))
  const [supersededByOf, supersedesOf, keptOf] = [byId(supersededBy), byId(supersedes), byId(kept)]
  const facts = new Map<number, DeliveryFacts>()
  for (const row of scopes) {
    const id = Number(row.import_id)
    const entry = facts.get(id) ?? {
      scopes: [],
      supersededBy: supersededByOf.get(id) == null ? null : Number(supersededByOf.get(id)),
      supersedes: ids(supersedesOf.get(id)),
      keptBeside: ids(keptOf.get(id)),
      delta: deltas.filter((d) => Number(d.import_id) === id).map(toDelta),
      costView: costViews.get(id) ?? null,
    }
    entry.scopes.push(toScope(row))
    facts.set(id, entry)
  }
  return facts
}

/** Delivery facts of an import that stored nothing. */
export const NO_DELIVERY_FACTS: DeliveryFacts = {
  scopes: [],
  supersededBy: null,
  supersedes: [],
  keptBeside: [],
  delta: [],
  costView: null,
}

async function readDelta(ws: Workspace, importId: number): Promise<SupersessionDelta[]> {
  const rows = await ws.all(
    `SELECT currency, rows_added, rows_removed, rows_changed, billed_difference::VARCHAR AS billed,
       effective_difference::VARCHAR AS effective FROM import_deltas WHERE import_id = $1 ORDER BY currency`,
    [importId],
  )
  return rows.map(toDelta)
}

function toDelta(r: Row): SupersessionDelta {
  return {
    currency: String(r.currency ?? ''),
    rowsAdded: Number(r.rows_added),
    rowsRemoved: Number(r.rows_removed),
    rowsChanged: Number(r.rows_changed),
    billedDifference: normalizeDecimal(String(r.billed)),
    effectiveDifference: normalizeDecimal(String(r.effective)),
  }
}

function toScope(row: Row): DeliveryScope {
  const text = (value: unknown): string | null => (value == null ? null : String(value))
  return {
    provider: text(row.provider),
    billingAccountId: text(row.billing_account_id),
    billingPeriodStart: text(row.period),
    rows: Number(row.rows),
    supersededBy: row.superseded_by == null ? null : Number(row.superseded_by),
  }
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : []
}

function distinctIds(scopes: readonly ScopeOfImport[]): number[] {
  return [...new Set(scopes.map((s) => s.importId))].sort((a, b) => a - b)
}
