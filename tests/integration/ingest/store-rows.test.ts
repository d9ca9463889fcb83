/** Storing rows: a very wide file keeps every extra value (in x_Extra) without widening cost_rows. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const HEADER = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
]
const DATES = ['2024-09-01T00:00:00Z', '2024-09-02T00:00:00Z']
/** Provider columns of the wide file. */
const WIDTH = 5000

let ws: Workspace | undefined
afterEach(() => ws?.close())

async function costRowsWidth(): Promise<number> {
  const [row] = await ws!.all(
    "SELECT count(*)::INT AS n FROM duckdb_columns() WHERE table_name = 'cost_rows'",
  )
  return Number(row?.n)
}

describe('storeRows', () => {
  it('imports 2 rows × 5,000 provider columns with every value retrievable', async () => {
    const extra = Array.from({ length: WIDTH }, (_, i) => `Meter ${i}`)
    const value = (row: number, i: number): string => (i % 7 === 3 ? '' : `r${row}-"${i}"`)
    const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`
    const lines = [
      [...HEADER, ...extra].map(quote).join(','),
      ...[1, 2].map((row) =>
        [`${row}.25`, `${row}`, 'USD', ...DATES, ...extra.map((_, i) => value(row, i))]
          .map((v) => (v === '' ? '' : quote(v)))
          .join(','),
      ),
    ]
    const path = join(tempDir(), 'wide.csv')
    writeFileSync(path, lines.join('\n') + '\n')
    ws = await freshWorkspace()
    const width = await costRowsWidth()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({ status: 'imported', rowCount: 2, reconciled: true })
    expect(record.totals[0]?.billedStored).toBe('3.5')
    expect(record.extraColumns).toHaveLength(WIDTH)
    expect(record.extraColumns[WIDTH - 1]).toEqual({
      source: `Meter ${WIDTH - 1}`,
      target: 'x_Extra',
    })
    // One JSON column, not 5,000: cost_rows stays narrow for every later import.
    expect(await costRowsWidth()).toBe(width + 1)
    const rows = await ws.all(
      'SELECT x_SourceRow AS r, x_Extra AS x FROM focus ORDER BY x_SourceRow',
    )
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      const n = Number(row.r)
      expect(JSON.parse(String(row.x))).toEqual(
        Object.fromEntries(extra.map((name, i) => [name, value(n, i) === '' ? null : value(n, i)])),
      )
    }
    // A single value by key, as a query would read it.
    const [one] = await ws.all(
      `SELECT json_extract_string(x_Extra, '/Meter ${WIDTH - 2}') AS v FROM focus WHERE x_SourceRow = 2`,
    )
    expect(one?.v).toBe(value(2, WIDTH - 2))
  })

  it('keeps a narrow file’s provider columns as columns of their own', async () => {
    const path = join(tempDir(), 'narrow.csv')
    writeFileSync(
      path,
      [[...HEADER, 'Team'].join(','), ['1', '1', 'USD', ...DATES, 'web'].join(',')].join('\n') +
        '\n',
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.extraColumns).toEqual([{ source: 'Team', target: 'x_Team' }])
    expect(await ws.all('SELECT x_Team AS t FROM focus')).toEqual([{ t: 'web' }])
  })
})

describe('storeRows and the writer queue', () => {
  it('a cancel while the import waits for the writer never interrupts the job ahead of it', async () => {
    ws = await freshWorkspace()
    const w = ws
    const path = join(tempDir(), 'queued.csv')
    writeFileSync(
      path,
      `${HEADER.join(',')}\n1.25,1,USD,${DATES.join(',')}\n2.50,2,USD,${DATES.join(',')}\n`,
    )
    const cancel = new AbortController()
    let ahead: Promise<unknown> | null = null
    const record = await importFile(w, path, {
      signal: cancel.signal,
      onProgress: (progress) => {
        // Reported just before the store queues its transaction: another job takes the writer first,
        // and the user cancels this import while that job's statement runs.
        if (progress.phase !== 'normalizing' || ahead) return
        ahead = w.exclusive(async () => {
          const running = w.writer.run('SELECT count(*) FROM range(300000000) t(i) WHERE i % 7 = 3')
          setTimeout(() => cancel.abort(), 30)
          await running
          return 'finished'
        })
      },
    })
    expect(await ahead).toBe('finished')
    expect(record).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } })
    const [rows] = await w.all('SELECT count(*)::INT AS n FROM focus')
    expect(rows?.n).toBe(0)
  })
})
