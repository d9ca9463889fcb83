/**
 * An AWS CUR month delivered as parts with a manifest (cur-delivery.ts, import-group.ts): one
 * delivery imported all or nothing, a later delivery restating it whole, a delivery missing
 * parts refused unless allowed, parts checked against the manifest's columns. Fixtures are the
 * real legacy CUR sample split into gzipped parts; expected sums come from an independent parser.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { expandInputs } from '../../../electron/cli/files'
import type { DeliveryOptions } from '../../../electron/core/ingest/cur-delivery'
import { importArchive } from '../../../electron/core/ingest/import-archive'
import { importGroup } from '../../../electron/core/ingest/import-group'
import { importSource } from '../../../electron/core/ingest/import-source'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, subtractDecimals } from '../../../shared/money'
import { curSample, splitRows, toCsv, writeCurDelivery } from '../../helpers/cur-delivery'
import { sumBy } from '../../helpers/native-sums'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { writeZip } from '../../helpers/zip-writer'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
let ws: Workspace | undefined
afterEach(() => ws?.close())

const { header, rows } = curSample()
const COST = header.indexOf('lineItem/UnblendedCost')
const PLAIN = /^-?\d+\.\d+$/

/** The USD UnblendedCost of `parts` and their row count, summed apart from Focal. */
function expected(parts: readonly (readonly string[][])[]): { rows: number; usd: string } {
  const records = parts.flat().map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
  const sums = sumBy(records, 'lineItem/CurrencyCode', (r) => r['lineItem/UnblendedCost'] ?? null)
  return { rows: records.length, usd: normalizeDecimal(sums.USD?.sum ?? '0') }
}

/** Imports a folder as `focal import <folder>` does. */
async function importFolder(root: string, options: DeliveryOptions = {}) {
  const files = expandInputs([root], true).map((path) => ({
    path,
    displayName: basename(path),
    relativePath: path,
  }))
  const loose: Awaited<ReturnType<typeof importSource>>['records'] = []
  const group = await importGroup(ws!, files, options, async (file) => {
    loose.push(...(await importSource(ws!, file.path, { displayName: file.displayName })).records)
    return []
  })
  return { records: [...loose, ...group.records], skipped: group.skipped }
}

/** Part 2 with every cost changed, part 3 without its last 100 rows. */
function restated(parts: string[][][]): string[][][] {
  const [one = [], two = [], three = []] = parts
  // A digit appended to each plain decimal cost (E-notation values are left as they are).
  const changed = two.map((r) => r.map((v, i) => (i === COST && PLAIN.test(v) ? `${v}1` : v)))
  return [one, changed, three.slice(0, -100)]
}

describe('AWS CUR delivery with its manifest', () => {
  it('imports the 3 parts of a delivery as one, each record naming the manifest, assemblyId and part i of 3', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    writeCurDelivery(root, 'assembly-a', parts)
    const { records } = await importFolder(root)
    expect(records.map((r) => [r.fileName, r.status, r.reconciled])).toEqual([
      ['cur-00001.csv.gz', 'imported', true],
      ['cur-00002.csv.gz', 'imported', true],
      ['cur-00003.csv.gz', 'imported', true],
    ])
    expect(records.map((r) => r.delivery)).toEqual(
      [1, 2, 3].map((part) => ({
        manifest: 'cur-Manifest.json',
        assemblyId: 'assembly-a',
        part,
        parts: 3,
        incomplete: false,
        missing: [],
      })),
    )
    // Each part's rows keep their own line numbers, though staged inside the delivery's transaction.
    const numbered = await ws.all(
      'SELECT x_SourceFile AS f, min(x_SourceRow)::INTEGER AS lo, max(x_SourceRow)::INTEGER AS hi FROM cost_rows GROUP BY 1 ORDER BY 1',
    )
    expect(numbered).toEqual(
      parts.map((p, i) => ({ f: `cur-0000${i + 1}.csv.gz`, lo: 1, hi: p.length })),
    )
    const all = expected(parts)
    expect(all.rows).toBe(1281)
    expect(await storedSums(ws)).toEqual({
      USD: { rows: all.rows, billed: all.usd, effective: all.usd },
    })
  })

  it('a later delivery of the month (part 2 restated, part 3 shorter) replaces the earlier one whole: totals equal it exactly', async () => {
    ws = await freshWorkspace()
    const partsA = splitRows(rows, 3)
    const partsB = restated(partsA)
    const first = tempDir()
    writeCurDelivery(first, 'assembly-a', partsA)
    const a = await importFolder(first)
    expect(a.records.map((r) => r.status)).toEqual(['imported', 'imported', 'imported'])
    const second = tempDir()
    writeCurDelivery(second, 'assembly-b', partsB)
    const b = await importFolder(second)
    // Part 1 of B holds exactly A's part 1: within a delivery it is not "already imported".
    expect(b.records.map((r) => [r.fileName, r.status])).toEqual([
      ['cur-00001.csv.gz', 'imported'],
      ['cur-00002.csv.gz', 'imported'],
      ['cur-00003.csv.gz', 'imported'],
    ])
    const [expA, expB] = [expected(partsA), expected(partsB)]
    expect(expB.rows).toBe(1181)
    expect(expB.usd).not.toBe(expA.usd)
    expect(await storedSums(ws)).toEqual({
      USD: { rows: expB.rows, billed: expB.usd, effective: expB.usd },
    })
    // B's first part supersedes every part of A, with the delta of the delivery as a whole.
    const idsA = a.records.map((r) => r.id)
    expect(b.records[0]?.supersedes).toEqual(idsA)
    expect(b.records[0]?.delta).toEqual([
      {
        currency: 'USD',
        rowsAdded: 0,
        rowsRemoved: 100,
        rowsChanged: partsA[1]?.filter((r) => PLAIN.test(r[COST] ?? '')).length,
        billedDifference: subtractDecimals(expB.usd, expA.usd),
        effectiveDifference: subtractDecimals(expB.usd, expA.usd),
      },
    ])
    const after = await importFolderRecords(first)
    // A again is the older delivery: refused, the totals stay B's.
    expect(after.map((r) => [r.fileName, r.status, r.error?.code])).toEqual([
      ['cur-Manifest.json', 'duplicate', 'DUPLICATE_FILE'],
    ])
    expect((await storedSums(ws)).USD?.billed).toBe(expB.usd)
  })

  it('refuses a delivery missing a part (INCOMPLETE_DELIVERY, naming the part and the manifest), or imports it flagged when allowed', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    const written = writeCurDelivery(root, 'assembly-a', parts, { skip: [1] })
    const refused = await importFolderRecords(root)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ fileName: 'cur-Manifest.json', status: 'failed' })
    expect(refused[0]?.error).toMatchObject({
      code: 'INCOMPLETE_DELIVERY',
      location: { file: 'cur-Manifest.json' },
      details: { assemblyId: 'assembly-a', missing: ['cur-00002.csv.gz'] },
    })
    expect(refused[0]?.error?.message).toBe(
      'cur-Manifest.json lists 3 parts of AWS CUR delivery assembly-a (cur, billing period 2023-11); 1 is missing: cur-00002.csv.gz. Nothing of this delivery was imported.',
    )
    expect(await storedSums(ws)).toEqual({})

    // A manifest alone (its parts elsewhere) is refused even when incomplete is allowed: nothing is here.
    const alone = tempDir()
    copyFileSync(written.manifest, join(alone, "it's-Manifest.json"))
    const [nothing] = await importFolderRecords(alone, { allowIncomplete: true })
    expect(nothing?.error?.message).toBe(
      "it's-Manifest.json lists 3 parts of AWS CUR delivery assembly-a (cur, billing period 2023-11); none of them is here: cur-00001.csv.gz, cur-00002.csv.gz, cur-00003.csv.gz. Nothing of this delivery was imported.",
    )

    const allowed = (await importFolder(root, { allowIncomplete: true })).records
    expect(allowed.map((r) => [r.status, r.delivery?.part, r.delivery?.incomplete])).toEqual([
      ['imported', 1, true],
      // Part 3 stays part 3 of 3 without part 2.
      ['imported', 3, true],
    ])
    expect(allowed[0]?.delivery?.missing).toEqual(['cur-00002.csv.gz'])
    const two = expected([parts[0] ?? [], parts[2] ?? []])
    expect(await storedSums(ws)).toEqual({
      USD: { rows: two.rows, billed: two.usd, effective: two.usd },
    })

    // The whole delivery later restates the incomplete import of it.
    writeCurDelivery(root, 'assembly-a', parts)
    const whole = await importFolderRecords(root)
    expect(whole.map((r) => r.status)).toEqual(['imported', 'imported', 'imported'])
    const all = expected(parts)
    expect(await storedSums(ws)).toEqual({
      USD: { rows: all.rows, billed: all.usd, effective: all.usd },
    })
  })

  it('names a part whose header differs from the manifest columns, and imports nothing of the delivery', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    const written = writeCurDelivery(root, 'assembly-a', parts)
    // Part 2 written without the last column.
    const short = header.slice(0, -1)
    const body = [short, ...(parts[1] ?? []).map((r) => r.slice(0, -1))]
    writeCsvGz(written.parts[1]?.path ?? '', body)
    const records = await importFolderRecords(root)
    expect(records).toHaveLength(1)
    expect(records[0]?.error).toMatchObject({
      code: 'MANIFEST_MISMATCH',
      location: { file: 'cur-00002.csv.gz', line: 1, column: header.at(-1) },
    })
    expect(records[0]?.error?.message).toContain(
      `cur-00002.csv.gz, line 1: its header differs from the columns cur-Manifest.json lists; it lacks ${header.at(-1)}`,
    )
    expect(await storedSums(ws)).toEqual({})
  })

  it('rolls the whole delivery back when one part fails, naming the part, row and column', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    const bad = (parts[2] ?? []).map((r, i) =>
      i === 4 ? r.map((v, j) => (j === COST ? '$1,0' : v)) : r,
    )
    writeCurDelivery(root, 'assembly-a', [parts[0] ?? [], parts[1] ?? [], bad])
    const records = await importFolderRecords(root)
    expect(records.map((r) => [r.fileName, r.status])).toEqual([['cur-00003.csv.gz', 'failed']])
    expect(records[0]?.error?.location).toMatchObject({ file: 'cur-00003.csv.gz', row: 5 })
    expect(records[0]?.error?.message).toContain(
      'Nothing of AWS CUR delivery assembly-a (cur-Manifest.json, 3 parts) was imported.',
    )
    // Parts 1 and 2 were stored, then rolled back with part 3.
    const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
    expect(count?.n).toBe(0)
    const registry = await ws.all(
      "SELECT count(*)::INTEGER AS n FROM imports WHERE status = 'imported'",
    )
    expect(registry[0]?.n).toBe(0)
  })

  it('reports a manifest it cannot use (BAD_MANIFEST naming the field) and imports files no manifest lists as usual', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    writeCurDelivery(root, 'assembly-a', parts, {
      manifest: {
        reportName: 'cur',
        billingPeriod: { start: '20231101T000000.000Z', end: '20231201T000000.000Z' },
        reportKeys: ['x.csv.gz'],
      },
    })
    const focus = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
    writeFileSync(join(root, 'focus.csv'), readFileSync(focus))
    const records = await importFolderRecords(root)
    expect(records.map((r) => [r.fileName, r.status])).toEqual([
      ['cur-00001.csv.gz', 'imported'],
      ['cur-00002.csv.gz', 'imported'],
      ['cur-00003.csv.gz', 'imported'],
      ['focus.csv', 'imported'],
      ['cur-Manifest.json', 'failed'],
    ])
    expect(records[4]?.error).toMatchObject({
      code: 'BAD_MANIFEST',
      message:
        'cur-Manifest.json lacks field assemblyId: Focal cannot check the CUR delivery it describes.',
      location: { file: 'cur-Manifest.json', column: 'assemblyId' },
    })
    expect(records[0]?.delivery).toBeUndefined()
  })

  it('reads a CUR 2.0 (Data Exports) manifest of FOCUS CSV parts: executionId, dataFiles, plain column names', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const [focusHeader = [], ...focusRows] = parseCsv(readFileSync(FOCUS_10, 'utf8'))
    const parts = splitRows(focusRows, 2)
    const names = ['focus-00001.csv.gz', 'focus-00002.csv.gz']
    parts.forEach((p, i) => writeCsvGz(join(root, names[i] ?? ''), [focusHeader, ...p]))
    writeFileSync(
      join(root, 'focus-Manifest.json'),
      JSON.stringify({
        executionId: 'exec-1',
        exportName: 'focus-export',
        billingPeriod: { start: '2024-09-01T00:00:00.000Z', end: '2024-10-01T00:00:00.000Z' },
        dataFiles: names.map((n) => `s3://bucket/focus-export/data/BILLING_PERIOD=2024-09/${n}`),
        columns: focusHeader.map((name) => ({ name, type: 'string' })),
      }),
    )
    const records = await importFolderRecords(root)
    expect(
      records.map((r) => [r.fileName, r.status, r.delivery?.assemblyId, r.delivery?.part]),
    ).toEqual([
      ['focus-00001.csv.gz', 'imported', 'exec-1', 1],
      ['focus-00002.csv.gz', 'imported', 'exec-1', 2],
    ])
    const numbered = await ws.all(
      'SELECT x_SourceFile AS f, min(x_SourceRow)::INTEGER AS lo, max(x_SourceRow)::INTEGER AS hi FROM cost_rows GROUP BY 1 ORDER BY 1',
    )
    expect(numbered).toEqual(names.map((f, i) => ({ f, lo: 1, hi: parts[i]?.length })))
    // The two parts hold exactly the sample's own BilledCost per currency.
    const sums = csvSums(FOCUS_10, 'BilledCost')
    const stored = await storedSums(ws)
    for (const [currency, { sum, rows: n }] of Object.entries(sums))
      expect(stored[currency]).toMatchObject({ rows: n, billed: sum })
  })

  it('names the row and column of a bad value in a FOCUS part, and stores nothing of the delivery', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const [focusHeader = [], ...focusRows] = parseCsv(readFileSync(FOCUS_10, 'utf8'))
    const billed = focusHeader.indexOf('BilledCost')
    const [one = [], two = []] = splitRows(focusRows, 2)
    const bad = two.map((r, i) => (i === 6 ? r.map((v, j) => (j === billed ? '12,5' : v)) : r))
    const names = ['focus-00001.csv.gz', 'focus-00002.csv.gz']
    writeCsvGz(join(root, names[0] ?? ''), [focusHeader, ...one])
    writeCsvGz(join(root, names[1] ?? ''), [focusHeader, ...bad])
    writeFileSync(
      join(root, 'focus-Manifest.json'),
      JSON.stringify({
        executionId: 'exec-2',
        billingPeriod: { start: '2024-09-01T00:00:00.000Z', end: '2024-10-01T00:00:00.000Z' },
        dataFiles: names.map((n) => `s3://bucket/focus-export/data/BILLING_PERIOD=2024-09/${n}`),
        columns: focusHeader.map((name) => ({ name, type: 'string' })),
      }),
    )
    const records = await importFolderRecords(root)
    expect(records.map((r) => [r.fileName, r.status])).toEqual([['focus-00002.csv.gz', 'failed']])
    expect(records[0]?.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'focus-00002.csv.gz', row: 7, column: 'BilledCost' },
    })
    const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
    expect(count?.n).toBe(0)
  })

  it('reads a delivery inside a ZIP: parts and manifest matched by base name, named <archive>.zip/<inner path>', async () => {
    ws = await freshWorkspace()
    const root = tempDir()
    const parts = splitRows(rows, 3)
    const written = writeCurDelivery(root, 'assembly-a', parts, { skip: [] })
    const zip = join(tempDir(), 'cur.zip')
    const inner = 'cur/20231101-20231201/assembly-a'
    writeZip(zip, [
      { name: `${inner}/cur-Manifest.json`, data: readFileSync(written.manifest) },
      ...written.parts.map((p) => ({ name: `${inner}/${p.name}`, data: readFileSync(p.path) })),
    ])
    const result = await importArchive(ws, zip, { tempRoot: tempDir() })
    expect(result.records.map((r) => [r.fileName, r.status, r.delivery?.part])).toEqual([
      [`cur.zip/${inner}/cur-00001.csv.gz`, 'imported', 1],
      [`cur.zip/${inner}/cur-00002.csv.gz`, 'imported', 2],
      [`cur.zip/${inner}/cur-00003.csv.gz`, 'imported', 3],
    ])
    expect(result.records[0]?.delivery?.manifest).toBe(`cur.zip/${inner}/cur-Manifest.json`)
    const all = expected(parts)
    expect(await storedSums(ws)).toEqual({
      USD: { rows: all.rows, billed: all.usd, effective: all.usd },
    })
  })
})

async function importFolderRecords(root: string, options: DeliveryOptions = {}) {
  return (await importFolder(root, options)).records
}

function writeCsvGz(path: string, table: readonly (readonly string[])[]): void {
  const [head = [], ...body] = table
  writeFileSync(path, gzipSync(Buffer.from(toCsv(head, body))))
}
