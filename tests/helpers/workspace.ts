/** Test helpers: a fresh workspace file in a temp folder, and exact sums read back. */
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { Workspace } from '../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../shared/money'
import { tempDir } from './paths'

/** Opens a new empty workspace in its own temp folder. */
export async function freshWorkspace(name = 'test'): Promise<Workspace> {
  return Workspace.open(join(tempDir(), `${name}.focal`), { create: true })
}

/**
 * For a test file: a maker of fresh workspaces (named `name`), each closed after the test that
 * opened it.
 */
export function workspacesClosedAfterEach(name = 'test'): () => Promise<Workspace> {
  let open: Workspace[] = []
  afterEach(async () => {
    for (const ws of open) await ws.close()
    open = []
  })
  return async () => {
    const ws = await freshWorkspace(name)
    open.push(ws)
    return ws
  }
}

/** Row count and exact BilledCost / EffectiveCost sums per currency of the stored rows. */
export async function storedTotals(
  ws: Workspace,
): Promise<Record<string, { rows: number; billed: string; effective: string }>> {
  const rows = await ws.all(
    `SELECT BillingCurrency AS c, count(*)::BIGINT AS n, sum(BilledCost)::VARCHAR AS b, sum(EffectiveCost)::VARCHAR AS e FROM focus GROUP BY 1 ORDER BY 1`,
  )
  return Object.fromEntries(
    rows.map((r) => [
      String(r.c),
      { rows: Number(r.n), billed: String(r.b), effective: String(r.e) },
    ]),
  )
}

/** storedTotals with each sum in its shortest decimal form ("1.5", not "1.500000000000000000"). */
export async function storedSums(
  ws: Workspace,
): Promise<Record<string, { rows: number; billed: string; effective: string }>> {
  const totals = await storedTotals(ws)
  return Object.fromEntries(
    Object.entries(totals).map(([currency, t]) => [
      currency,
      {
        rows: t.rows,
        billed: normalizeDecimal(t.billed),
        effective: normalizeDecimal(t.effective),
      },
    ]),
  )
}

/**
 * Stores one USD row per [ServiceName, BilledCost] pair, all charged on 2025-06-01, numbered
 * in order: hand-made rows for pivots whose figures a test states outright.
 */
export async function insertServiceCosts(
  ws: Workspace,
  rows: ReadonlyArray<readonly [service: string, cost: string]>,
): Promise<void> {
  const values = rows.map(([service, cost], i) => `('${service}', '${cost}', ${i + 1})`).join(', ')
  await ws.run(`INSERT INTO cost_rows BY NAME
    SELECT ServiceName, 'USD' AS BillingCurrency, CAST(cost AS DECIMAL(38,18)) AS BilledCost,
      TIMESTAMPTZ '2025-06-01 10:00:00+00' AS ChargePeriodStart,
      TIMESTAMPTZ '2025-06-01 00:00:00+00' AS BillingPeriodStart, 1 AS x_ImportId, row AS x_SourceRow
    FROM (VALUES ${values}) AS v(ServiceName, cost, row)`)
}
