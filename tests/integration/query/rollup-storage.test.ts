/**
 * How a new workspace's rollup tables are stored (electron/core/query/rollup-sql.ts): the
 * service, account and region text is dictionary-compressed as the table's definition says,
 * whatever DuckDB would have chosen, and still after the workspace is closed and opened again;
 * a resource's id is left to DuckDB's choice.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'

/** Each compression DuckDB used for `column` of `table`, over its stored segments. */
async function compressions(ws: Workspace, table: string, column: string): Promise<string[]> {
  const rows = await ws.all(
    `SELECT DISTINCT compression FROM pragma_storage_info('${table}')
     WHERE column_name = $1 AND segment_type = 'VARCHAR' ORDER BY 1`,
    [column],
  )
  return rows.map((r) => String(r.compression))
}

/** Stores `rows` rollup rows whose ServiceName and ResourceId are all different (text DuckDB stores as FSST). */
async function addRows(ws: Workspace, from: number, rows: number): Promise<void> {
  const day = "TIMESTAMPTZ '2026-11-01 00:00:00+00'"
  await ws.run(`INSERT INTO rollup_day_service (ChargePeriodStart, BillingPeriodStart, ServiceName, BillingCurrency, x_Rows)
    SELECT ${day}, ${day}, 'Service number ' || range, 'USD', 1 FROM range(${from}, ${from + rows})`)
  await ws.run(`INSERT INTO rollup_month_resource (ChargePeriodStart, BillingPeriodStart, ResourceId, ServiceName, BillingCurrency, x_Rows)
    SELECT ${day}, ${day}, 'arn:aws:ec2:us-east-1:123456789012:instance/i-' || range, 'Service number ' || range, 'USD', 1
    FROM range(${from}, ${from + rows})`)
  await ws.run('CHECKPOINT')
}

describe('rollup storage', () => {
  it('keeps dictionary compression for the rollups’ service text across a reopen, and leaves resource ids to DuckDB', async () => {
    const path = join(tempDir(), 'rollup-storage.focal')
    let ws = await Workspace.open(path, { create: true })
    try {
      await addRows(ws, 0, 150_000)
      expect(await compressions(ws, 'rollup_day_service', 'ServiceName')).toEqual(['Dictionary'])
      expect(await compressions(ws, 'rollup_month_resource', 'ServiceName')).toEqual(['Dictionary'])
      // DuckDB's own choice for 150,000 different ids, as it would have been for ServiceName.
      expect(await compressions(ws, 'rollup_month_resource', 'ResourceId')).toContain('FSST')
      ws.close()
      ws = await Workspace.open(path)
      await addRows(ws, 150_000, 150_000)
      expect(await compressions(ws, 'rollup_day_service', 'ServiceName')).toEqual(['Dictionary'])
      const [stored] = await ws.all('SELECT count(*)::INTEGER AS n FROM rollup_day_service')
      expect(stored?.n).toBe(300_000)
    } finally {
      ws.close()
    }
  }, 60_000)
})
