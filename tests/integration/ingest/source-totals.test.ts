/**
 * Reconciliation's second reader (source-totals.ts) catches what the staging
 * and mapping got wrong: each case breaks one step of the import on purpose
 * (a swapped column mapping, a stage that loses a row, a stage that misreads a
 * value) — faults the staged source sums alone agreed with — and the import
 * must fail with the difference, storing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scratchSql } from '../../helpers/duckdb'
import { importFile } from '../../../electron/core/ingest/import-file'
import type * as Fs from 'node:fs'
import type * as Zlib from 'node:zlib'
import type * as StageSql from '../../../electron/core/ingest/stage-sql'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type * as FocusHeader from '../../../shared/formats/focus-header'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

/** Which step of the import a test breaks (none: the real import). */
const sabotage = vi.hoisted(() => ({ step: 'none' as 'none' | 'swap' | 'drop-row' | 'misread' }))

/** Node's own reads of files: streams opened and gzip streams made (the byte scan, the second reader). */
const reads = vi.hoisted(() => ({ streams: 0, gunzips: 0 }))
vi.mock('node:fs', async (original) => {
  const real = await original<typeof Fs>()
  const createReadStream = (...args: Parameters<typeof real.createReadStream>) => {
    reads.streams++
    return real.createReadStream(...args)
  }
  return { ...real, createReadStream, default: { ...real, createReadStream } }
})
vi.mock('node:zlib', async (original) => {
  const real = await original<typeof Zlib>()
  const createGunzip = (...args: Parameters<typeof real.createGunzip>) => {
    reads.gunzips++
    return real.createGunzip(...args)
  }
  return { ...real, createGunzip, default: { ...real, createGunzip } }
})

// A mapping that fills BilledCost from EffectiveCost's column and the other way round.
vi.mock('../../../shared/formats/focus-header', async (original) => {
  const real = await original<typeof FocusHeader>()
  const swap: Record<string, string> = { BilledCost: 'EffectiveCost', EffectiveCost: 'BilledCost' }
  return {
    ...real,
    mapFocusHeader: (header: readonly string[]) => {
      const mapping = real.mapFocusHeader(header)
      if (sabotage.step !== 'swap') return mapping
      return {
        ...mapping,
        columns: mapping.columns.map((c) => ({ ...c, target: swap[c.target] ?? c.target })),
      }
    },
  }
})

// A CSV stage that loses the file's first row, or reads the last digit of column 1 away: the
// text stage, and the view a FOCUS CSV is read through in place (csvViewSql).
vi.mock('../../../electron/core/ingest/stage-sql', async (original) => {
  const real = await original<typeof StageSql>()
  const sabotaged = (sql: string): string => {
    if (sabotage.step === 'drop-row') return `${sql} OFFSET 1`
    if (sabotage.step === 'misread')
      return sql.replace('SELECT * FROM', 'SELECT * REPLACE (left(c0, length(c0) - 1) AS c0) FROM')
    return sql
  }
  return {
    ...real,
    stageCsvSql: (...args: Parameters<typeof real.stageCsvSql>) =>
      sabotaged(real.stageCsvSql(...args)),
    csvViewSql: (...args: Parameters<typeof real.csvViewSql>) =>
      sabotaged(real.csvViewSql(...args)),
  }
})

const HEADER = 'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd'
const DATES = '2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'

let ws: Workspace
beforeEach(async () => {
  sabotage.step = 'none'
  ws = await freshWorkspace()
})
afterEach(() => ws.close())

function csv(name: string, rows: readonly string[]): string {
  const path = join(tempDir(), name)
  writeFileSync(path, [HEADER, ...rows.map((r) => `${r},${DATES}`)].join('\n') + '\n')
  return path
}

const ROWS = ['1.255,1.005,USD', '2.5,2,USD', '10,7.25,EUR']

async function storedRowCount(): Promise<number> {
  return Number((await ws.all('SELECT count(*)::INT AS n FROM cost_rows'))[0]?.n)
}

describe('source totals: the second reader', () => {
  it('reconciles the unbroken import, source figures read from the file itself', async () => {
    const record = await importFile(ws, csv('good.csv', ROWS))
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 3 })
    expect(
      record.totals.map((t) => [t.currency, t.rows, t.billedSource, t.effectiveSource]),
    ).toEqual([
      ['EUR', 1, '10', '7.25'],
      ['USD', 2, '3.755', '3.005'],
    ])
  })

  it.each([
    ['once.csv', (path: string) => path],
    [
      'once.csv.gz',
      (path: string) => {
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path)))
        return `${path}.gz`
      },
    ],
  ])(
    'reads %s once in Node: the byte scan feeds the second reader as it reads',
    async (name, write) => {
      const path = write(csv(name.replace(/\.gz$/, ''), ROWS))
      reads.streams = 0
      reads.gunzips = 0
      const record = await importFile(ws, path)
      expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 3 })
      expect(record.totals.map((t) => [t.currency, t.billedSource, t.effectiveSource])).toEqual([
        ['EUR', '10', '7.25'],
        ['USD', '3.755', '3.005'],
      ])
      // The header's first bytes (csv-header.ts), then one whole read: the scan's. The second
      // reader opening its own stream (and gzip) made it three.
      expect(reads).toEqual({ streams: 2, gunzips: name.endsWith('.gz') ? 2 : 0 })
    },
  )

  it('catches a swapped column mapping: BilledCost filled from EffectiveCost', async () => {
    sabotage.step = 'swap'
    const record = await importFile(ws, csv('swapped.csv', ROWS))
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain(
      'USD BilledCost file 3.755 vs stored 3.005 (difference -0.75)',
    )
    expect(record.error?.message).toContain(
      'EUR BilledCost file 10 vs stored 7.25 (difference -2.75)',
    )
    expect(await storedRowCount()).toBe(0)
  })

  it('catches a swapped mapping of a Parquet file too', async () => {
    const path = join(tempDir(), 'swapped.parquet')
    await scratchSql(
      `COPY (SELECT * FROM (VALUES (1.255::DECIMAL(12,4), 1.005::DOUBLE, 'USD',
         TIMESTAMPTZ '2024-09-01 00:00:00Z', TIMESTAMPTZ '2024-09-02 00:00:00Z'))
         t(BilledCost, EffectiveCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd))
       TO '${path}' (FORMAT parquet)`,
    )
    sabotage.step = 'swap'
    const record = await importFile(ws, path)
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain('USD BilledCost file 1.255 vs stored 1.005')
    expect(await storedRowCount()).toBe(0)
  })

  it('catches a row the stage lost', async () => {
    sabotage.step = 'drop-row'
    const record = await importFile(ws, csv('dropped.csv', ROWS))
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain(
      'USD BilledCost file 3.755 vs stored 2.5 (difference -1.255) EffectiveCost file 3.005 vs stored 2 (difference -1.005)',
    )
    expect(record.totals).toEqual([])
    expect(await storedRowCount()).toBe(0)
  })

  it('catches a row the stage lost even when its amounts are zero (row counts differ)', async () => {
    sabotage.step = 'drop-row'
    const record = await importFile(ws, csv('zero-dropped.csv', ['0,0,USD', ...ROWS]))
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain('USD row counts differ')
    expect(await storedRowCount()).toBe(0)
  })

  it('catches a row the stage lost from a native export (AWS CUR), summed by its reconcile terms', async () => {
    sabotage.step = 'drop-row'
    const file = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
    const record = await importFile(ws, file)
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    // The stage lost the file's first row (an UnblendedCost of 0): the row counts differ.
    expect(record.error?.message).toContain('differ from the file (USD row counts differ)')
    expect(await storedRowCount()).toBe(0)
  })

  it('catches a value the stage misread (1.255 read as 1.25)', async () => {
    sabotage.step = 'misread'
    const record = await importFile(ws, csv('misread.csv', ['1.255,1.005,USD']))
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain(
      'USD BilledCost file 1.255 vs stored 1.25 (difference -0.005)',
    )
    expect(await storedRowCount()).toBe(0)
  })

  it('refuses an amount DuckDB reads but the file does not hold as a number (1_000)', async () => {
    // No sabotage: DuckDB's cast takes "_" as a digit separator, so staging stores 1000.
    const record = await importFile(ws, csv('underscore.csv', ['2.5,2,USD', '1_000,1,USD']))
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toBe(
      'underscore.csv, row 2, column BilledCost: the value "1_000" was stored as an amount, but reading the file again it is not a number; nothing was stored.',
    )
    expect(record.error?.location).toEqual({ file: 'underscore.csv', row: 2, column: 'BilledCost' })
    expect(await storedRowCount()).toBe(0)
  })

  it('reconciles a file whose last line has no line break and ends in a money column', async () => {
    const path = join(tempDir(), 'no-final-break.csv')
    writeFileSync(
      path,
      `ChargePeriodStart,ChargePeriodEnd,BillingCurrency,EffectiveCost,BilledCost\n${DATES},USD,1,1.5\n${DATES},USD,2,"2"`,
    )
    const record = await importFile(ws, path)
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 2 })
    expect(record.totals[0]).toMatchObject({ currency: 'USD', rows: 2, billedSource: '3.5' })
  })

  it('reads a gzipped CSV with quoted fields, CRLF and a BOM to the same figures as the oracle', async () => {
    const dir = tempDir()
    const text = `\ufeff${HEADER},ServiceName\r\n1.5,1,"USD",${DATES},"Compute, ""large""\r\nline two"\r\n-0.25,0,USD,${DATES},x\r\n`
    writeFileSync(join(dir, 'plain.csv'), text)
    writeFileSync(join(dir, 'quoted.csv.gz'), gzipSync(text))
    const record = await importFile(ws, join(dir, 'quoted.csv.gz'))
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 2 })
    const oracle = csvSums(join(dir, 'plain.csv'), 'BilledCost')
    expect(record.totals[0]).toMatchObject({ currency: 'USD', rows: oracle.USD?.rows })
    expect(record.totals[0]?.billedSource).toBe(oracle.USD?.sum)
  })

  it('reads a real sample to the oracle figures', async () => {
    const file = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
    const record = await importFile(ws, file)
    const billed = csvSums(file, 'BilledCost')
    const effective = csvSums(file, 'EffectiveCost')
    expect(record.reconciled).toBe(true)
    for (const total of record.totals) {
      expect(total.billedSource).toBe(billed[total.currency]?.sum)
      expect(total.effectiveSource).toBe(effective[total.currency]?.sum)
      expect(total.rows).toBe(billed[total.currency]?.rows)
    }
  })
})
