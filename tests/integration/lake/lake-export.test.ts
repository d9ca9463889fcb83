/**
 * exportLake (electron/core/lake/lake-export.ts) on real samples: the Parquet read back by a
 * separate DuckDB with hive_partitioning holds the workspace's rows and, to the cent, the
 * totals summed from the source CSV by the test's own parser; the folders, the manifest,
 * a refused folder, an unsafe provider name and the audit entry.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { exportLake } from '../../../electron/core/lake/lake-export'
import type { LakeManifest } from '../../../electron/core/lake/lake-manifest'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { DEMO } from '../report/support'

const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')
const MONEY = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'] as const

let open: Workspace | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

async function loaded(file: string): Promise<Workspace> {
  open = await freshWorkspace('lake')
  expect((await importFile(open, file)).status).toBe('imported')
  return open
}

/** Rows and exact totals per currency of the CSV, by the test's own parser. */
function sourceTotals(file: string): Record<string, Record<string, string | number>> {
  const sums = MONEY.map((m) => [m, csvSums(file, m)] as const)
  const result: Record<string, Record<string, string | number>> = {}
  for (const [currency, { rows }] of Object.entries(csvSums(file, 'BilledCost')))
    result[currency] = {
      rows,
      ...Object.fromEntries(sums.map(([m, s]) => [m, s[currency]?.sum ?? '0'])),
    }
  return result
}

/** The lake read back with hive partitioning: rows and totals per currency. */
async function lakeTotals(out: string): Promise<Record<string, Record<string, string | number>>> {
  const rows = await scratchSql(
    `SELECT BillingCurrency AS c, count(*)::BIGINT AS rows, ${MONEY.map((m) => `sum(${m})::VARCHAR AS ${m}`).join(', ')}
     FROM read_parquet($1, hive_partitioning = true) GROUP BY 1 ORDER BY 1`,
    [join(out, '**', '*.parquet')],
  )
  return Object.fromEntries(
    rows.map((r) => [
      String(r.c),
      {
        rows: Number(r.rows),
        ...Object.fromEntries(MONEY.map((m) => [m, normalizeDecimal(String(r[m]))])),
      },
    ]),
  )
}

/** The partition folders the CSV's periods and providers call for (DuckDB URL-encodes values). */
function expectedFolders(file: string): string[] {
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'))
  const period = header.indexOf('BillingPeriodStart')
  const provider = header.includes('ServiceProviderName')
    ? header.indexOf('ServiceProviderName')
    : header.indexOf('ProviderName')
  const folders = rows.map(
    (r) =>
      `BillingPeriod=${(r[period] ?? '').slice(0, 7)}/ProviderName=${encodeURIComponent(r[provider] ?? '')}`,
  )
  return [...new Set(folders)].sort()
}

function readManifest(out: string): LakeManifest {
  return JSON.parse(readFileSync(join(out, '_focal_manifest.json'), 'utf8')) as LakeManifest
}

describe('exportLake', () => {
  it.each([
    ['the demo sample', DEMO],
    ['a multi-provider sample', MULTI],
  ])(
    'writes %s as Hive-partitioned Parquet that reads back to the source totals',
    async (_, file) => {
      const ws = await loaded(file)
      const out = join(tempDir(), 'lake')
      const { manifest, manifestSha256 } = await exportLake(ws, {
        out,
        partitions: ['BillingPeriod', 'ProviderName'],
        focalVersion: '9.9.9',
      })

      const expected = sourceTotals(file)
      const readBack = await lakeTotals(out)
      expect(readBack).toEqual(expected)
      const stored = await storedSums(ws)
      for (const [currency, t] of Object.entries(stored))
        expect([t.rows, t.billed, t.effective]).toEqual([
          readBack[currency]?.rows,
          readBack[currency]?.BilledCost,
          readBack[currency]?.EffectiveCost,
        ])

      const folders = expectedFolders(file)
      expect(manifest.partitions.map((p) => p.path)).toEqual(folders)
      for (const folder of folders) expect(existsSync(join(out, folder))).toBe(true)
      // The partition values come back from the folder names.
      const partitions = await scratchSql(
        `SELECT DISTINCT BillingPeriod || '|' || ProviderName AS k FROM read_parquet($1, hive_partitioning = true,
         hive_types = {'BillingPeriod': VARCHAR, 'ProviderName': VARCHAR}) ORDER BY 1`,
        [join(out, '**', '*.parquet')],
      )
      expect(partitions.map((r) => r.k)).toEqual(
        folders.map((f) =>
          decodeURIComponent(f.replace('BillingPeriod=', '').replace('/ProviderName=', '|')),
        ),
      )

      const written = readManifest(out)
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, '_focal_manifest.json')))
          .digest('hex'),
      ).toBe(manifestSha256)
      expect(written).toMatchObject({
        workspace: 'lake',
        focalVersion: '9.9.9',
        focusVersion: '1.4',
        partitionColumns: ['BillingPeriod', 'ProviderName'],
        rows: Object.values(expected).reduce((n, t) => n + Number(t.rows), 0),
      })
      expect(
        Object.fromEntries(written.totals.map(({ currency, ...t }) => [String(currency), t])),
      ).toEqual(expected)
      for (const p of written.partitions) {
        const [one] = await scratchSql(
          `SELECT count(*)::BIGINT AS n, sum(BilledCost)::VARCHAR AS b FROM read_parquet($1)`,
          [join(out, p.path, '*.parquet')],
        )
        expect(p.rows).toBe(Number(one?.n))
        expect(p.totals.reduce((n, t) => n + t.rows, 0)).toBe(p.rows)
        for (const f of p.files)
          expect(f.sha256).toBe(
            createHash('sha256')
              .update(readFileSync(join(out, f.path)))
              .digest('hex'),
          )
      }
      // Money stays DECIMAL in the files.
      const [type] = await scratchSql(
        `SELECT typeof(BilledCost) AS t FROM read_parquet($1) LIMIT 1`,
        [join(out, '**', '*.parquet')],
      )
      expect(type?.t).toBe('DECIMAL(38,18)')

      const [entry] = await ws.all(
        `SELECT subject, details FROM audit_log WHERE action = 'lake.export'`,
      )
      expect(entry?.subject).toBe('lake')
      expect(JSON.parse(String(entry?.details))).toMatchObject({ manifestSha256 })
      // Nothing is left in the workspace's gate folder.
      const gates = readdirSync(join(ws.path, '..')).filter((n) => n.startsWith('.focal-files-'))
      expect(gates.flatMap((g) => readdirSync(join(ws.path, '..', g)))).toEqual([])
    },
  )

  it('refuses a folder that is not empty, replaces an earlier lake only with force, and never deletes other files', async () => {
    const ws = await loaded(MULTI)
    const out = join(tempDir(), 'lake')
    await exportLake(ws, { out, focalVersion: '1' })
    const first = readManifest(out)
    expect(first.partitionColumns).toEqual(['BillingPeriod'])
    await expect(exportLake(ws, { out, focalVersion: '1' })).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('lake is not empty') },
    })
    const again = await exportLake(ws, {
      out,
      partitions: ['ProviderName'],
      force: true,
      focalVersion: '1',
    })
    expect(readdirSync(out).sort()).toEqual(
      [...again.manifest.partitions.map((p) => p.path), '_focal_manifest.json'].sort(),
    )
    expect(readdirSync(out).some((n) => n.startsWith('BillingPeriod='))).toBe(false)

    const foreign = join(tempDir(), 'mine')
    mkdirSync(foreign)
    writeFileSync(join(foreign, 'notes.txt'), 'keep me')
    await expect(
      exportLake(ws, { out: foreign, force: true, focalVersion: '1' }),
    ).rejects.toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        hint: expect.stringContaining('only an earlier Focal lake export'),
      },
    })
    expect(readdirSync(foreign)).toEqual(['notes.txt'])
    await expect(
      exportLake(ws, { out: join(tempDir(), 'x'), partitions: ['RegionId'], focalVersion: '1' }),
    ).rejects.toMatchObject({ error: { code: 'BAD_VALUE' } })
  })

  it('refuses a workspace without rows, writing nothing', async () => {
    const ws = (open = await freshWorkspace('empty'))
    const out = join(tempDir(), 'lake')
    await expect(exportLake(ws, { out, focalVersion: '1' })).rejects.toMatchObject({
      error: {
        code: 'NO_ROWS',
        message: 'Workspace empty holds no rows to export; nothing was written.',
      },
    })
    expect(existsSync(out)).toBe(false)
  })

  it('names the chosen folder, not the gate, when DuckDB cannot write a partition', async () => {
    const dir = tempDir()
    const file = join(dir, 'long-provider.csv')
    // A folder name longer than the file system allows (255 bytes) fails DuckDB's write.
    writeFileSync(file, readFileSync(MULTI, 'utf8').replaceAll('Datadog', 'D'.repeat(300)))
    const ws = await loaded(file)
    const out = join(dir, 'lake')
    const failure = exportLake(ws, { out, partitions: ['ProviderName'], focalVersion: '1' })
    await expect(failure).rejects.toMatchObject({
      error: {
        code: 'IO_ERROR',
        message: expect.stringMatching(/^Writing the lake lake failed: /),
      },
    })
    const { message } = ((await failure.catch((e: unknown) => e)) as { error: { message: string } })
      .error
    expect(message).not.toContain(dirname(ws.path))
    expect(message).not.toContain('.focal-files-')
    expect(existsSync(out)).toBe(false)

    // Replacing an earlier lake: the failed export leaves it whole.
    const earlier = await exportLake(ws, { out, focalVersion: '1' })
    const before = readFileSync(join(out, '_focal_manifest.json'), 'utf8')
    await expect(
      exportLake(ws, { out, partitions: ['ProviderName'], force: true, focalVersion: '1' }),
    ).rejects.toMatchObject({ error: { code: 'IO_ERROR' } })
    expect(readFileSync(join(out, '_focal_manifest.json'), 'utf8')).toBe(before)
    expect(readdirSync(out).sort()).toEqual(
      [...earlier.manifest.partitions.map((p) => p.path), '_focal_manifest.json'].sort(),
    )
    expect(await lakeTotals(out)).toEqual(sourceTotals(file))
  })

  it('keeps a provider name with "/" and ".." inside its own folder', async () => {
    const dir = tempDir()
    const file = join(dir, 'odd-provider.csv')
    const text = readFileSync(MULTI, 'utf8').replaceAll('Datadog', '../../Data/dog')
    writeFileSync(file, text)
    const ws = await loaded(file)
    const out = join(dir, 'lake')
    const { manifest } = await exportLake(ws, {
      out,
      partitions: ['ProviderName'],
      focalVersion: '1',
    })
    // Nothing escaped the lake's folder (no Data folder beside it).
    expect(readdirSync(dir).sort()).toEqual(['lake', 'odd-provider.csv'])
    const odd = manifest.partitions.find((p) => p.values.ProviderName === '../../Data/dog')
    expect(odd?.path).toBe('ProviderName=..%2F..%2FData%2Fdog')
    expect(existsSync(join(out, 'ProviderName=..%2F..%2FData%2Fdog'))).toBe(true)
    expect(await lakeTotals(out)).toEqual(sourceTotals(file))
  })
  it('leaves out the rows a later import superseded, as every total does', async () => {
    const dir = tempDir()
    const [header = '', ba1, ba1Tax, ...others] = readFileSync(MULTI, 'utf8').trimEnd().split('\n')
    // A restatement of account BA-1's month: its tax line becomes 9.00.
    const restated = join(dir, 'ba1-restated.csv')
    const tax = (ba1Tax ?? '').replaceAll(',8.00,', ',9.00,')
    expect(tax).not.toBe(ba1Tax)
    writeFileSync(restated, [header, ba1, tax].join('\n') + '\n')
    // What counts afterwards: the other accounts' rows and the restated ones.
    const counted = join(dir, 'counted.csv')
    writeFileSync(counted, [header, ba1, tax, ...others].join('\n') + '\n')
    const ws = await loaded(MULTI)
    expect((await importFile(ws, restated, { onOverlap: 'supersede' })).status).toBe('imported')
    const [stored] = await ws.all('SELECT count(*)::INT AS n FROM cost_rows')
    expect(stored?.n).toBe(6)
    const out = join(dir, 'lake')
    const { manifest } = await exportLake(ws, { out, focalVersion: '1' })
    expect(await lakeTotals(out)).toEqual(sourceTotals(counted))
    expect(manifest.rows).toBe(4)
  })
})
