/**
 * core/report/zip: a pack's files as one ZIP, read back with yauzl (the
 * reader the importer uses, no code shared with the writer): the same names,
 * the same bytes (SHA-256 of every entry = the pack's manifest), stored and
 * deflated entries alike, and a CRC-32 that matches zlib's.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import { crc32Update, writePackZip } from '../../../electron/core/report/zip'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseDimension } from '../../../shared/pivot'
import { tempDir } from '../../helpers/paths'
import { readZipEntries as readZip } from '../../helpers/zip-reader'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO } from './support'

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

async function zipTo(path: string, sources: Array<{ name: string; path: string }>): Promise<void> {
  await writePackZip(sources, createWriteStream(path), new Date('2024-10-01T08:30:00Z'))
}

describe('writePackZip', () => {
  let ws: Workspace
  let out: string
  let pack: PackResult
  beforeAll(async () => {
    ws = await freshWorkspace('zip')
    expect((await importFile(ws, DEMO)).status).toBe('imported')
    out = tempDir('focal-zip-pack-')
    pack = await writePack(ws, {
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('SubAccountName')),
      outDir: out,
      formats: ['pdf', 'xlsx', 'csv'],
    })
  }, 120_000)
  afterAll(() => ws?.close())

  it('holds every file of the pack under its name, byte for byte as the manifest hashes it', async () => {
    const zip = join(tempDir('focal-zip-'), 'pack.zip')
    const names = pack.files.map((f) => f.path.split(/[\\/]/).join('/'))
    await zipTo(
      zip,
      names.map((name) => ({ name, path: join(out, name) })),
    )
    const entries = await readZip(zip)
    expect(entries.map((e) => e.name)).toEqual(names)
    expect(names.filter((n) => n.startsWith('cost-centers/')).length).toBeGreaterThan(1)
    for (const [i, file] of pack.files.entries()) {
      const entry = entries[i]
      expect(entry && sha256(entry.bytes), file.path).toBe(file.sha256)
      // Text is deflated; PDFs and the workbook are compressed already and stored.
      expect(entry?.method, file.path).toBe(/\.(csv|json)$/.test(file.path) ? 8 : 0)
    }
    const manifest = JSON.parse(
      entries.find((e) => e.name.endsWith('manifest.json'))?.bytes.toString('utf8') ?? '{}',
    ) as { files: Array<{ path: string; sha256: string }> }
    for (const f of manifest.files)
      expect(
        sha256(
          entries.find((e) => e.name === f.path.split(/[\\/]/).join('/'))?.bytes ?? Buffer.alloc(0),
        ),
      ).toBe(f.sha256)
  })

  it('deflates a file larger than one read chunk and an empty file, and names in UTF-8', async () => {
    const dir = tempDir('focal-zip-big-')
    const big = Buffer.from(
      Array.from(
        { length: 40_000 },
        (_, i) => `${i},Café ${i % 97},${(i * 0.01).toFixed(2)}\n`,
      ).join(''),
    )
    writeFileSync(join(dir, 'big.csv'), big)
    writeFileSync(join(dir, 'empty.json'), '')
    writeFileSync(join(dir, 'b.pdf'), Buffer.from([0, 1, 2, 255]))
    const zip = join(dir, 'out.zip')
    await zipTo(zip, [
      { name: 'Zürich/big.csv', path: join(dir, 'big.csv') },
      { name: 'empty.json', path: join(dir, 'empty.json') },
      { name: 'b.pdf', path: join(dir, 'b.pdf') },
    ])
    const entries = await readZip(zip)
    expect(entries.map((e) => [e.name, e.bytes.length])).toEqual([
      ['Zürich/big.csv', big.length],
      ['empty.json', 0],
      ['b.pdf', 4],
    ])
    expect(entries[0]?.bytes.equals(big)).toBe(true)
    expect(readFileSync(zip).length).toBeLessThan(big.length / 2)
  })

  it('computes the standard CRC-32 check values, across chunks', () => {
    // The published check values of CRC-32/ISO-HDLC (the ZIP checksum).
    expect(crc32Update(0, Buffer.from('123456789'))).toBe(0xcbf43926)
    const fox = Buffer.from('The quick brown fox jumps over the lazy dog')
    expect(crc32Update(crc32Update(0, fox.subarray(0, 7)), fox.subarray(7))).toBe(0x414fa339)
  })
})
