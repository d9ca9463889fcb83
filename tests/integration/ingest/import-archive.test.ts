/** importArchive: billing files inside a ZIP import as their own files; unsafe archives are refused whole. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { importArchive } from '../../../electron/core/ingest/import-archive'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { curManifest } from '../../helpers/cur-delivery'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'
import { writeZip, type ZipEntrySpec } from '../../helpers/zip-writer'

const open: Workspace[] = []
afterEach(() => {
  for (const ws of open.splice(0)) ws.close()
})

async function workspace(): Promise<Workspace> {
  const ws = await freshWorkspace()
  open.push(ws)
  return ws
}

const AWS = 'focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv'
const AZURE = 'focus-data-toolkit-golden/azure_1_3_cost_and_usage_rows100_seed42.csv'
const GCP = 'focus-data-toolkit-golden/gcp_1_3_cost_and_usage_rows100_seed42.csv'
const FOCUS_10 = 'focus-sample-data/FOCUS-1.0/focus_sample.csv'

const bytesOf = (file: string): Buffer => readFileSync(sample(file))
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** A zip of `entries` in a fresh folder, and an empty folder to extract into. */
function archive(entries: ZipEntrySpec[], name = 'billing.zip') {
  const dir = tempDir()
  const path = join(dir, name)
  const bytes = writeZip(path, entries)
  return { path, bytes, tempRoot: tempDir('focal-extract-') }
}

async function focusRows(ws: Workspace): Promise<number> {
  return Number((await ws.all('SELECT count(*)::BIGINT AS n FROM focus'))[0]?.n)
}

describe('importArchive', () => {
  it('imports each billing file in the zip (nested folders, CSV.gz, Parquet) with the totals of importing them directly', async () => {
    const parquet = join(tempDir(), 'focus_sample.parquet')
    await scratchSql(
      `COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38,18)) AS BilledCost, CAST(EffectiveCost AS DECIMAL(38,18)) AS EffectiveCost)
       FROM read_csv($1, all_varchar = true, nullstr = 'NULL')) TO '${parquet}' (FORMAT parquet)`,
      [sample(FOCUS_10)],
    )
    const zip = archive([
      { name: 'README.txt', data: Buffer.from('Billing exports for January.\n') },
      { name: '2024/01/aws.csv', data: bytesOf(AWS) },
      { name: '2024/01/azure.csv', data: bytesOf(AZURE), deflate: false },
      { name: '2024/01/gcp/gcp.csv.gz', data: gzipSync(bytesOf(GCP)) },
      { name: 'parquet/focus_sample.parquet', data: readFileSync(parquet) },
      { name: 'old/december.zip', data: Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000')) },
    ])
    const ws = await workspace()
    const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot })

    expect(result.archive).toEqual({
      fileName: 'billing.zip',
      sha256: sha256(zip.bytes),
      sizeBytes: zip.bytes.length,
    })
    expect(result.records.map((r) => [r.fileName, r.status])).toEqual([
      ['billing.zip/2024/01/aws.csv', 'imported'],
      ['billing.zip/2024/01/azure.csv', 'imported'],
      ['billing.zip/2024/01/gcp/gcp.csv.gz', 'imported'],
      ['billing.zip/parquet/focus_sample.parquet', 'imported'],
    ])
    expect(result.records.map((r) => r.sha256)).toEqual([
      sha256(bytesOf(AWS)),
      sha256(bytesOf(AZURE)),
      sha256(gzipSync(bytesOf(GCP))),
      sha256(readFileSync(parquet)),
    ])
    expect(result.skipped).toEqual([
      {
        fileName: 'billing.zip/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
      {
        fileName: 'billing.zip/old/december.zip',
        reason: 'a ZIP inside the archive; unzip it and import it on its own',
      },
    ])
    // The same files imported one by one give exactly the same stored totals.
    const direct = await workspace()
    for (const file of [sample(AWS), sample(AZURE), sample(GCP), parquet])
      expect((await importFile(direct, file)).status).toBe('imported')
    expect(await storedTotals(ws)).toEqual(await storedTotals(direct))
    // And the CSVs' own sums, read by an independent parser, are all in.
    const awsUsd = csvSums(sample(AWS), 'BilledCost').USD
    expect(result.records[0]?.totals.find((t) => t.currency === 'USD')?.billedStored).toBe(
      awsUsd?.sum,
    )
    // The archive's own SHA-256 is recorded beside the imports it made.
    const [audit] = await ws.all(
      "SELECT subject, details FROM audit_log WHERE action = 'import.archive'",
    )
    expect(audit?.subject).toBe('billing.zip')
    expect(JSON.parse(String(audit?.details))).toMatchObject({
      sha256: sha256(zip.bytes),
      importIds: result.records.map((r) => r.id),
    })
    expect(readdirSync(zip.tempRoot)).toEqual([])
  })

  it('removes the extraction folders a killed import left, not those of a running process', async () => {
    const zip = archive([{ name: 'aws.csv', data: bytesOf(AWS) }])
    const gone = spawnSync(process.execPath, ['-e', '']).pid // exited: its folder is stale
    mkdirSync(join(zip.tempRoot, `focal-zip-${gone}-stale`))
    mkdirSync(join(zip.tempRoot, `focal-zip-${process.pid}-running`))
    mkdirSync(join(zip.tempRoot, 'someone-else'))
    const ws = await workspace()
    const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot })
    expect(result.records.map((r) => r.status)).toEqual(['imported'])
    expect(readdirSync(zip.tempRoot).sort()).toEqual([
      `focal-zip-${process.pid}-running`,
      'someone-else',
    ])
  })

  it('says an archive without billing files holds none, so the person sees why nothing came in', async () => {
    const zip = archive([
      { name: 'README.txt', data: Buffer.from('nothing here\n') },
      { name: 'docs/', data: Buffer.alloc(0), deflate: false },
    ])
    const ws = await workspace()
    const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot })
    expect(result.records.map((r) => [r.fileName, r.status, r.error?.message])).toEqual([
      [
        'billing.zip',
        'failed',
        'billing.zip holds no billing file (CSV, CSV.gz, Parquet or JSON lines), only README.txt; nothing was imported.',
      ],
    ])
    expect(readdirSync(zip.tempRoot)).toEqual([])
  })

  it('says a file of the zip that is already imported on its own is already imported', async () => {
    const ws = await workspace()
    expect((await importFile(ws, sample(AWS))).status).toBe('imported')
    const zip = archive([{ name: 'aws.csv', data: bytesOf(AWS) }])
    const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot })
    expect(result.records.map((r) => r.status)).toEqual(['duplicate'])
    expect(await focusRows(ws)).toBe(100)
  })

  it('adds up the parts of an AWS CUR month split into files with its manifest, as one delivery', async () => {
    const CUR = 'focus-converters-samples/sample-anonymous-aws-export-dataset.csv'
    const [header = [], ...rows] = parseCsv(readFileSync(sample(CUR), 'utf8'))
    const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
    const part = (from: number, to: number): Buffer =>
      Buffer.from(
        [header, ...rows.slice(from, to)].map((r) => r.map(cell).join(',')).join('\n') + '\n',
      )
    const half = Math.floor(rows.length / 2)
    const manifest = curManifest('assembly-1', ['cur-00001.csv.gz', 'cur-00002.csv.gz'], header)
    const zip = archive([
      { name: 'cur/cur-Manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
      { name: 'cur/cur-00001.csv.gz', data: gzipSync(part(0, half)) },
      { name: 'cur/cur-00002.csv.gz', data: gzipSync(part(half, rows.length)) },
    ])
    const ws = await workspace()
    const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot })
    expect(result.records.map((r) => [r.fileName, r.status, r.rowCount, r.delivery?.part])).toEqual(
      [
        ['billing.zip/cur/cur-00001.csv.gz', 'imported', half, 1],
        ['billing.zip/cur/cur-00002.csv.gz', 'imported', rows.length - half, 2],
      ],
    )
    // The manifest is read with its parts (cur-delivery.ts), not skipped.
    expect(result.skipped).toEqual([])
    // The parts hold exactly what the whole month holds, imported as one file.
    const whole = await workspace()
    expect((await importFile(whole, sample(CUR))).status).toBe('imported')
    expect(await storedTotals(ws)).toEqual(await storedTotals(whole))
    expect(await focusRows(ws)).toBe(rows.length)
  })

  const good: ZipEntrySpec = { name: 'aws.csv', data: bytesOf(AWS) }
  const big = Buffer.from('x'.repeat(4 * 1024 * 1024))
  const REFUSED: [string, ZipEntrySpec[], string, object?][] = [
    [
      'an entry pointing outside (../)',
      [good, { name: '../evil.csv', data: bytesOf(AZURE) }],
      'january.zip: the entry ../evil.csv points outside the archive',
    ],
    [
      'an absolute entry path',
      [good, { name: '/etc/evil.csv', data: bytesOf(AZURE) }],
      'january.zip: the entry /etc/evil.csv points outside the archive',
    ],
    [
      'a symbolic link',
      [good, { name: 'link.csv', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }],
      'january.zip: the entry link.csv is a symbolic link',
    ],
    [
      'an encrypted entry',
      [good, { name: 'secret.csv', data: bytesOf(AZURE), flags: 1 }],
      'january.zip: the entry secret.csv is encrypted',
    ],
    [
      'an unsupported compression method',
      [good, { name: 'bz.csv', data: bytesOf(AZURE), method: 12 }],
      'january.zip: the entry bz.csv uses compression method 12',
    ],
    [
      'an entry inflating beyond the ratio limit',
      [good, { name: 'bomb.csv', data: big }],
      'january.zip: the entry bomb.csv would inflate',
    ],
    [
      'a total beyond the size cap',
      [good, { name: 'big.csv', data: bytesOf(AZURE) }],
      'january.zip would need 305791 bytes unpacked, more than the 40000 bytes Focal unpacks from one archive',
      { maxTotalBytes: 40_000 },
    ],
  ]

  it.each(REFUSED)(
    'refuses an archive with %s, storing nothing',
    async (_label, entries, message, limits) => {
      const zip = archive(entries, 'january.zip')
      const ws = await workspace()
      const result = await importArchive(ws, zip.path, { tempRoot: zip.tempRoot, limits })
      expect(result.records).toHaveLength(1)
      const [record] = result.records
      expect(record?.status).toBe('failed')
      expect(record?.fileName).toBe('january.zip')
      expect(record?.sha256).toBe(sha256(zip.bytes))
      expect(record?.error?.code).toBe('BAD_ARCHIVE')
      expect(record?.error?.message).toContain(message)
      expect(record?.error?.message).not.toContain(zip.tempRoot)
      expect(await focusRows(ws)).toBe(0)
      expect(readdirSync(zip.tempRoot)).toEqual([])
    },
  )

  it('stops extracting an entry that inflates beyond the size its headers declare', async () => {
    // The headers say 1000 bytes, so the ratio and total checks pass; the data says 4 MiB.
    const liar = archive([good, { name: 'liar.csv', data: big, declaredSize: 1000 }])
    const ws = await workspace()
    const result = await importArchive(ws, liar.path, { tempRoot: liar.tempRoot })
    expect(result.records[0]?.error?.code).toBe('BAD_ARCHIVE')
    expect(result.records[0]?.error?.message).toContain(
      'billing.zip: the entry liar.csv is damaged and cannot be extracted',
    )
    expect(await focusRows(ws)).toBe(0)
    expect(readdirSync(liar.tempRoot)).toEqual([])
  })

  it('stops before extracting when the import is cancelled', async () => {
    const zip = archive([good, { name: 'azure.csv', data: bytesOf(AZURE) }])
    const ws = await workspace()
    const cancel = new AbortController()
    cancel.abort()
    const result = await importArchive(ws, zip.path, {
      tempRoot: zip.tempRoot,
      signal: cancel.signal,
    })
    expect(result.records.map((r) => [r.fileName, r.status, r.error?.code])).toEqual([
      ['billing.zip', 'cancelled', 'CANCELLED'],
    ])
    expect(await focusRows(ws)).toBe(0)
    expect(readdirSync(zip.tempRoot)).toEqual([])
  })

  it('refuses a truncated archive and a damaged entry (checksum), storing nothing', async () => {
    const ws = await workspace()
    const truncated = archive([good])
    writeFileSync(truncated.path, truncated.bytes.subarray(0, truncated.bytes.length - 30))
    const cut = await importArchive(ws, truncated.path, { tempRoot: truncated.tempRoot })
    expect(cut.records[0]?.error?.code).toBe('BAD_ARCHIVE')
    expect(cut.records[0]?.error?.message).toContain('billing.zip is not a readable ZIP archive')

    // A stored entry with one byte changed: only its CRC-32 tells.
    const flipped = archive([
      { ...good, deflate: false },
      { name: 'b.csv', data: bytesOf(AZURE) },
    ])
    const bytes = Buffer.from(flipped.bytes)
    const at = 30 + 'aws.csv'.length + 200
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31
    writeFileSync(flipped.path, bytes)
    const damaged = await importArchive(ws, flipped.path, { tempRoot: flipped.tempRoot })
    expect(damaged.records[0]?.error?.message).toContain(
      'billing.zip: the entry aws.csv is damaged and cannot be extracted (its checksum (CRC-32) does not match)',
    )
    expect(await focusRows(ws)).toBe(0)
    expect(readdirSync(truncated.tempRoot)).toEqual([])
    expect(readdirSync(flipped.tempRoot)).toEqual([])
  })
})
