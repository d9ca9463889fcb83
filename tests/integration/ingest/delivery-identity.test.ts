/**
 * delivery-identity on the real FOCUS sample: the same export in other bytes is
 * already imported, a restated month supersedes with its exact delta, and a
 * partial overlap is refused unless the user chose what to do.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { storedTotals, workspacesClosedAfterEach } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const [HEADER = [], ...ROWS] = parseCsv(readFileSync(SAMPLE, 'utf8'))
const col = (name: string): number => HEADER.indexOf(name)

const workspace = workspacesClosedAfterEach()

/** Writes rows as an RFC 4180 CSV (quoting only where needed) and returns its path. */
function writeCsv(name: string, rows: string[][], eol = '\n'): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const path = join(tempDir(), name)
  writeFileSync(path, [HEADER, ...rows].map((r) => r.map(cell).join(',')).join(eol) + eol)
  return path
}

/** Expected per-currency totals of a CSV, from the independent parser. */
function expectedTotals(
  path: string,
): Record<string, { rows: number; billed: string; effective: string }> {
  const billed = csvSums(path, 'BilledCost')
  const effective = csvSums(path, 'EffectiveCost')
  return Object.fromEntries(
    Object.entries(billed).map(([c, b]) => [
      c,
      { rows: b.rows, billed: b.sum, effective: effective[c]?.sum ?? '0' },
    ]),
  )
}

/** Same shape as storedTotals, with sums normalized the way csvSums prints them. */
async function totals(
  ws: Workspace,
): Promise<Record<string, { rows: number; billed: string; effective: string }>> {
  const stored = await storedTotals(ws)
  return Object.fromEntries(
    Object.entries(stored).map(([c, t]) => [
      c,
      {
        rows: t.rows,
        billed: normalizeDecimal(t.billed),
        effective: normalizeDecimal(t.effective),
      },
    ]),
  )
}

const provider = (row: string[]): string => row[col('ProviderName')] ?? ''
const period = (row: string[]): string => row[col('BillingPeriodStart')] ?? ''

describe('delivery identity', () => {
  it('imports the same export once, whatever its bytes: CRLF, BOM, gzip, Parquet, renamed', async () => {
    const ws = await workspace()
    const first = await importFile(ws, SAMPLE)
    expect(first.status).toBe('imported')
    expect(first.scopes.map((s) => [s.provider, s.billingPeriodStart, s.rows])).toEqual([
      ['AWS', '2024-09-01T00:00:00Z', 942],
      ['Microsoft', '2024-09-01T00:00:00Z', 51],
      ['Oracle', '2024-09-01T00:00:00Z', 6],
      ['Oracle', '2024-10-01T00:00:00Z', 1],
    ])
    const text = readFileSync(SAMPLE, 'utf8')
    const dir = tempDir()
    const crlf = join(dir, 'crlf.csv')
    writeFileSync(crlf, text.replace(/\r?\n/g, '\r\n'))
    const bom = join(dir, 'bom.csv')
    writeFileSync(bom, `\ufeff${text}`)
    const gz = join(dir, 'sample.csv.gz')
    writeFileSync(gz, gzipSync(readFileSync(SAMPLE)))
    const parquet = join(dir, 'sample.parquet')
    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    // A conversion as an analyst would run it: DuckDB's own type detection, the sample's
    // literal NULLs read as nulls (Focal reads them so in a CSV), then Parquet.
    await connection.run(
      `COPY (SELECT * FROM read_csv('${SAMPLE}', nullstr = ['NULL', ''])) TO '${parquet}' (FORMAT parquet)`,
    )
    connection.closeSync()
    db.closeSync()
    const renamed = join(dir, 'september-final.csv')
    copyFileSync(SAMPLE, renamed)
    for (const copy of [crlf, bom, gz, parquet, renamed]) {
      const again = await importFile(ws, copy)
      expect(again.status, `${copy}: ${again.error?.message}`).toBe('duplicate')
      expect(again.error?.code).toBe('DUPLICATE_FILE')
      // A byte-identical copy is found by its SHA-256 first; the others by their content.
      expect(again.error?.message).toMatch(new RegExp(`import #${first.id}\\W+focus_sample\\.csv`))
      expect(again.error?.message).toContain(copy === renamed ? 'same SHA-256' : 'the same rows as')
      expect(again.rowCount).toBe(0)
    }
    expect(await totals(ws)).toEqual(expectedTotals(SAMPLE))
    const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
    expect(count?.n).toBe(1000)
  })

  it('supersedes a restated month and reports the exact delta per currency', async () => {
    const ws = await workspace()
    const first = await importFile(ws, SAMPLE)
    // The restatement: one AWS row's BilledCost changed, another AWS row removed, one row added.
    const aws = ROWS.map((r, i) => [r, i] as const).filter(([r]) => provider(r) === 'AWS')
    const [changedAt, removedAt] = [aws[10]![1], aws[20]![1]]
    const changed = [...ROWS[changedAt]!]
    const oldBilled = changed[col('BilledCost')]!
    changed[col('BilledCost')] = '7.125'
    const added = [...ROWS[aws[30]![1]]!]
    added[col('ResourceId')] = 'restated-new-resource'
    added[col('BilledCost')] = '0.5'
    added[col('EffectiveCost')] = '0.25'
    const removed = ROWS[removedAt]!
    const restated = ROWS.flatMap((r, i) =>
      i === changedAt ? [changed] : i === removedAt ? [] : [r],
    ).concat([added])
    const path = writeCsv('focus_sample-restated.csv', restated)

    const second = await importFile(ws, path)
    expect(second.status).toBe('imported')
    expect(second.supersedes).toEqual([first.id])
    expect(second.delta).toEqual([
      {
        currency: 'USD',
        rowsAdded: 1,
        rowsRemoved: 1,
        rowsChanged: 1,
        billedDifference: normalizeDecimal(
          sumDecimals([
            subtractDecimals('7.125', oldBilled),
            `-${removed[col('BilledCost')]}`,
            '0.5',
          ]),
        ),
        effectiveDifference: normalizeDecimal(
          sumDecimals([`-${removed[col('EffectiveCost')]}`, '0.25']),
        ),
      },
    ])
    // Every total is the restated file's; the old rows stay stored for audit.
    expect(await totals(ws)).toEqual(expectedTotals(path))
    const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
    expect(count?.n).toBe(2000)
    const records = await listImports(ws)
    const earlier = records.find((r) => r.id === first.id)
    expect(earlier?.supersededBy).toBe(second.id)
    expect(earlier?.scopes.every((s) => s.supersededBy === second.id)).toBe(true)
    const [audit] = await ws.all(
      "SELECT details FROM audit_log WHERE action = 'import.supersede' AND subject = 'focus_sample-restated.csv'",
    )
    expect(JSON.parse(String(audit?.details)).supersedes).toEqual([first.id])

    // The first delivery again, in other bytes: an older version, which must not undo the restatement.
    const older = join(tempDir(), 'focus_sample-crlf.csv')
    writeFileSync(older, readFileSync(SAMPLE, 'utf8').replace(/\r?\n/g, '\r\n'))
    const third = await importFile(ws, older)
    expect([third.status, third.error?.code]).toEqual(['duplicate', 'DUPLICATE_FILE'])
    expect(third.error?.message).toBe(
      `focus_sample-crlf.csv is already imported: its rows are those of import #${first.id} (focus_sample.csv), which import #${second.id} superseded; nothing was added.`,
    )
    expect(await totals(ws)).toEqual(expectedTotals(path))
  })

  it('adds another part of the same scopes (no row in common) without asking', async () => {
    const ws = await workspace()
    const aws = ROWS.filter((r) => provider(r) === 'AWS')
    const partOne = writeCsv('part-1.csv', aws.slice(0, 400))
    const partTwo = writeCsv('part-2.csv', aws.slice(400))
    expect((await importFile(ws, partOne)).status).toBe('imported')
    const second = await importFile(ws, partTwo)
    expect(second.status).toBe('imported')
    expect(second.supersedes).toEqual([])
    expect(await totals(ws)).toEqual(expectedTotals(writeCsv('all-aws.csv', aws)))
  })

  describe('a partial overlap', () => {
    // A: AWS and Microsoft of September. B: Microsoft restated (one cost changed) and Oracle's two months.
    const septemberA = ROWS.filter((r) => provider(r) === 'AWS' || provider(r) === 'Microsoft')
    const microsoft = ROWS.filter((r) => provider(r) === 'Microsoft')
    const restatedMicrosoft = microsoft.map((r, i) => {
      if (i !== 0) return r
      const copy = [...r]
      copy[col('BilledCost')] = '3.5'
      return copy
    })
    const oracle = ROWS.filter((r) => provider(r) === 'Oracle')

    async function setUp(): Promise<{ ws: Workspace; a: string; b: string; firstId: number }> {
      const ws = await workspace()
      const a = writeCsv('a.csv', septemberA)
      const b = writeCsv('b.csv', [...restatedMicrosoft, ...oracle])
      const first = await importFile(ws, a)
      expect(first.status).toBe('imported')
      return { ws, a, b, firstId: first.id }
    }

    it('is refused with OVERLAP when no choice is given, and nothing is added', async () => {
      const { ws, a, b, firstId } = await setUp()
      const record = await importFile(ws, b)
      expect(record.status).toBe('failed')
      expect(record.error?.code).toBe('OVERLAP')
      expect(record.error?.message).toBe(
        `b.csv overlaps import #${firstId} (a.csv) in 1 of its 3 billing scopes (Microsoft, account /providers/Microsoft.Billing/billingAccounts/8611537, 2024-09) without restating it whole; nothing was added.`,
      )
      expect(record.error?.hint).toContain('--on-overlap supersede|keep-both|skip')
      expect(await totals(ws)).toEqual(expectedTotals(a))
    })

    it('with skip leaves the file out, recorded as skipped', async () => {
      const { ws, a, b } = await setUp()
      const record = await importFile(ws, b, { onOverlap: 'skip' })
      expect(record.status).toBe('skipped')
      expect(record.error?.code).toBe('OVERLAP')
      expect(await totals(ws)).toEqual(expectedTotals(a))
    })

    it('with keep-both counts both, recorded beside the earlier import', async () => {
      const { ws, b, firstId } = await setUp()
      const record = await importFile(ws, b, { onOverlap: 'keep-both' })
      expect(record.status).toBe('imported')
      expect(record.keptBeside).toEqual([firstId])
      expect(await totals(ws)).toEqual(
        expectedTotals(writeCsv('both.csv', [...septemberA, ...restatedMicrosoft, ...oracle])),
      )
    })

    it('with supersede replaces only the shared scope of the earlier import', async () => {
      const { ws, b, firstId } = await setUp()
      const record = await importFile(ws, b, { onOverlap: 'supersede' })
      expect(record.status).toBe('imported')
      expect(record.supersedes).toEqual([firstId])
      const billed = (rows: string[][]): string[] => rows.map((r) => r[col('BilledCost')]!)
      expect(record.delta).toEqual([
        {
          currency: 'USD',
          rowsAdded: 0,
          rowsRemoved: 0,
          rowsChanged: 1,
          billedDifference: normalizeDecimal(
            subtractDecimals(
              sumDecimals(billed(restatedMicrosoft)),
              sumDecimals(billed(microsoft)),
            ),
          ),
          effectiveDifference: '0',
        },
      ])
      const aws = ROWS.filter((r) => provider(r) === 'AWS')
      expect(await totals(ws)).toEqual(
        expectedTotals(writeCsv('after.csv', [...aws, ...restatedMicrosoft, ...oracle])),
      )
      const earlier = (await listImports(ws)).find((r) => r.id === firstId)
      expect(earlier?.scopes.map((s) => [s.provider, s.supersededBy])).toEqual([
        ['AWS', null],
        ['Microsoft', record.id],
      ])
      expect(period(oracle[0]!)).toContain('2024-09')
    })
  })
})
