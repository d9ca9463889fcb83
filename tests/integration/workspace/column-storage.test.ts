/**
 * How a new workspace stores its text columns (electron/core/workspace/column-storage.ts): the
 * cost_rows columns with a small set of values and the rollups' service, account and region text
 * are dictionary-compressed as the table definitions say, whatever DuckDB
 * would have chosen, and still after the workspace is closed and opened again; text with a
 * value per row (resource ids) is left to DuckDB, which stores it as FSST.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FEW_VALUE_COLUMNS } from '../../../electron/core/workspace/column-storage'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'

const ROWS = 150_000
const DAY = "TIMESTAMPTZ '2026-11-01 00:00:00+00'"

/** Each compression DuckDB used for `column` of `table`, over its stored segments. */
async function compressions(ws: Workspace, table: string, column: string): Promise<string[]> {
  const rows = await ws.all(
    `SELECT DISTINCT compression FROM pragma_storage_info('${table}')
     WHERE column_name = $1 AND segment_type = 'VARCHAR' ORDER BY 1`,
    [column],
  )
  return rows.map((r) => String(r.compression))
}

/**
 * Stores ROWS cost rows and rollup rows from `from` on whose ServiceName and ResourceId all
 * differ (text DuckDB would store as FSST), then checkpoints.
 */
async function addRows(ws: Workspace, from: number): Promise<void> {
  const numbers = `range(${from}, ${from + ROWS})`
  const resource = "'arn:aws:ec2:us-east-1:123456789012:instance/i-' || range"
  await ws.run(`INSERT INTO cost_rows (ServiceName, ResourceId, BilledCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd)
    SELECT 'Service number ' || range, ${resource}, 1, 'USD', ${DAY}, ${DAY} FROM ${numbers}`)
  await ws.run(`INSERT INTO rollup_day_service (ChargePeriodStart, BillingPeriodStart, ServiceName, BillingCurrency, x_Rows)
    SELECT ${DAY}, ${DAY}, 'Service number ' || range, 'USD', 1 FROM ${numbers}`)
  await ws.run(`INSERT INTO rollup_month_resource (ChargePeriodStart, BillingPeriodStart, ResourceId, ServiceName, BillingCurrency, x_Rows)
    SELECT ${DAY}, ${DAY}, ${resource}, 'Service number ' || range, 'USD', 1 FROM ${numbers}`)
  await ws.run('CHECKPOINT')
}

/** What the three tables' ServiceName and ResourceId are stored as. */
async function stored(ws: Workspace): Promise<Record<string, string[]>> {
  return {
    costService: await compressions(ws, 'cost_rows', 'ServiceName'),
    costResource: await compressions(ws, 'cost_rows', 'ResourceId'),
    rollupService: await compressions(ws, 'rollup_day_service', 'ServiceName'),
    resourceRollupService: await compressions(ws, 'rollup_month_resource', 'ServiceName'),
    resourceRollupResource: await compressions(ws, 'rollup_month_resource', 'ResourceId'),
  }
}

const EXPECTED = {
  costService: ['Dictionary'],
  // DuckDB's own choice for 150,000 different values, as it would have been for ServiceName.
  costResource: ['FSST'],
  rollupService: ['Dictionary'],
  resourceRollupService: ['Dictionary'],
  resourceRollupResource: ['FSST'],
}

describe('column storage', () => {
  it('names only text columns of cost_rows as having few values', async () => {
    const ws = await Workspace.open(join(tempDir(), 'few-values.focal'), { create: true })
    try {
      const columns = await ws.all(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'cost_rows'",
      )
      const text = new Set(
        columns.filter((c) => c.data_type === 'VARCHAR').map((c) => String(c.column_name)),
      )
      expect([...FEW_VALUE_COLUMNS].filter((name) => !text.has(name))).toEqual([])
    } finally {
      ws.close()
    }
  })

  it('keeps dictionary compression where the schema names it, across a reopen, and leaves resource ids to DuckDB', async () => {
    const path = join(tempDir(), 'column-storage.focal')
    let ws = await Workspace.open(path, { create: true })
    try {
      await addRows(ws, 0)
      expect(await stored(ws)).toEqual(EXPECTED)
      ws.close()
      ws = await Workspace.open(path)
      await addRows(ws, ROWS)
      expect(await stored(ws)).toEqual(EXPECTED)
      const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
      expect(count?.n).toBe(2 * ROWS)
    } finally {
      ws.close()
    }
  }, 60_000)
})
