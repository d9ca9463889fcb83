/**
 * core/db/connect: a workspace opened with a small memory limit (FOCAL_MEMORY_LIMIT) keeps
 * working past it — DuckDB spills to the workspace's own temp folder (<file>.tmp) — and gives
 * exactly the figures summed here in plain TypeScript. A temp table of allocated-lines shape
 * several times the limit, then the pack's per-cost-center totals (report/line-queries.ts) and a
 * GROUP BY with a group per line, whose hash table alone is larger than the limit.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { targetTotalsSql } from '../../../electron/core/report/line-queries'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'

const LINES = 1_000_000
const TARGETS = 50
const LIMIT = '64MB'

/** Line i: cost center cc-(i mod 50), amount (i mod 100000) + 0.125 USD, a 64-character key. */
const LINES_SQL = `CREATE TEMP TABLE spill_lines AS
  SELECT 'cc-' || lpad(CAST(i % ${TARGETS} AS VARCHAR), 2, '0') AS target, 'USD' AS BillingCurrency,
    CAST(CAST(i % 100000 AS VARCHAR) || '.125' AS DECIMAL(38,18)) AS amount,
    md5(CAST(i AS VARCHAR)) || md5(CAST(i + 1 AS VARCHAR)) AS line_key
  FROM range(${LINES}) t(i)`

/** The expected sums in thousandths, computed line by line without DuckDB. */
function expectedThousandths(): { byTarget: bigint[]; total: bigint } {
  const byTarget = Array.from({ length: TARGETS }, () => 0n)
  for (let i = 0; i < LINES; i += 1) byTarget[i % TARGETS]! += BigInt((i % 100000) * 1000 + 125)
  return { byTarget, total: byTarget.reduce((a, b) => a + b, 0n) }
}

/** Thousandths as DuckDB prints a DECIMAL(38,18) sum. */
const decimal = (thousandths: bigint): string =>
  `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, '0')}${'0'.repeat(15)}`

describe('DuckDB memory limit and spilling', () => {
  let dir: string
  let ws: Workspace
  const before = process.env.FOCAL_MEMORY_LIMIT

  beforeAll(async () => {
    process.env.FOCAL_MEMORY_LIMIT = LIMIT
    dir = tempDir('focal-spill-')
    ws = await Workspace.open(join(dir, 'spill.focal'), { create: true })
  })
  afterAll(() => {
    ws?.close()
    if (before === undefined) delete process.env.FOCAL_MEMORY_LIMIT
    else process.env.FOCAL_MEMORY_LIMIT = before
  })

  it('sets the limit and the spill folder beside the workspace, and the lock keeps them', async () => {
    const [setting] = await ws.all(
      "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t",
    )
    // DuckDB states 64 MB (10^6 bytes) in MiB.
    expect(setting).toEqual({ m: '61.0 MiB', t: join(dir, 'spill.focal.tmp') })
    await expect(ws.run("SET memory_limit = '8GB'")).rejects.toThrow(
      /configuration has been locked/,
    )
  })

  it('opens read-only with external access off from the start (focal query) with the same limit and folder', async () => {
    // DuckDB refuses to change temp_directory once external access is off, so both must be
    // given when the database is created, not set after.
    const path = join(dir, 'query.focal')
    ;(await Workspace.open(path, { create: true })).close()
    const reader = await Workspace.open(path, { readOnly: true, noExternalAccess: true })
    try {
      const [setting] = await reader.all(
        "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t, current_setting('enable_external_access') AS x",
      )
      expect(setting).toEqual({ m: '61.0 MiB', t: `${path}.tmp`, x: false })
    } finally {
      reader.close()
    }
  })

  it('spills lines several times the limit to <file>.tmp and sums them exactly', async () => {
    const expected = expectedThousandths()
    await ws.run(LINES_SQL)
    // The temp table (about 100 MB) cannot stay in 64 MB: DuckDB wrote its blocks to the spill folder.
    const spilled = await ws.all('SELECT path, size FROM duckdb_temporary_files()')
    expect(spilled.length).toBeGreaterThan(0)
    for (const file of spilled) expect(String(file.path)).toContain(join(dir, 'spill.focal.tmp'))
    expect(readdirSync(join(dir, 'spill.focal.tmp')).length).toBeGreaterThan(0)

    const totals = await ws.all(targetTotalsSql('spill_lines'))
    expect(totals).toEqual(
      expected.byTarget.map((sum, t) => ({
        target: `cc-${String(t).padStart(2, '0')}`,
        currency: 'USD',
        amount: decimal(sum),
        lines: String(LINES / TARGETS),
      })),
    )
    // One group per line: a hash table larger than the limit, spilled and merged back.
    const [grouped] = await ws.all(
      `SELECT count(*)::BIGINT AS groups, sum(s)::VARCHAR AS total
       FROM (SELECT line_key, sum(amount) AS s FROM spill_lines GROUP BY line_key)`,
    )
    expect(grouped).toEqual({ groups: String(LINES), total: decimal(expected.total) })
    await ws.run('DROP TABLE spill_lines')
  }, 300_000)
})
