/**
 * Embedded sources (issue 11, "Portable and versioned"): with embedding on, an import stores
 * its file gzip-compressed in the workspace, so "Show in source" gives the exact line on a
 * machine without the file (the workspace moved, the file deleted), from a copy checked
 * against the import's SHA-256. Off by default; a big file is stored in parts.
 */
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { blobValue } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { describeInfo } from '../../../electron/cli/info-command'
import { sha256File } from '../../../electron/core/ingest/hash'
import { importFile } from '../../../electron/core/ingest/import-file'
import { workspaceInfo } from '../../../electron/core/info/workspace-info'
import { rowSource } from '../../../electron/core/rows/row-source'
import { SourceLinks } from '../../../electron/core/rows/source-links'
import {
  embedSource,
  embedsSources,
  setEmbedSources,
} from '../../../electron/core/sources/embed-source'
import { withEmbeddedSource } from '../../../electron/core/sources/embedded-source'
import { PART_BYTES } from '../../../electron/core/sources/source-files-sql'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

/** Lines of a text file as written, line endings removed. */
const linesOf = (path: string): string[] => readFileSync(path, 'utf8').split(/\r?\n/)

/** A copy of the sample in a folder of its own, imported into a new workspace there. */
async function importCopy(embed: boolean | undefined): Promise<{ ws: Workspace; copy: string }> {
  const dir = tempDir()
  const copy = join(dir, 'march.csv')
  copyFileSync(SAMPLE, copy)
  const ws = await Workspace.open(join(dir, 'client.focal'), { create: true })
  const record = await importFile(ws, copy, embed === undefined ? {} : { embedSource: embed })
  expect(record.status).toBe('imported')
  return { ws, copy }
}

/** Closes `ws`, moves its file to a new folder, deletes `source`, and opens it there. */
async function carry(ws: Workspace, source: string): Promise<Workspace> {
  await ws.close()
  const elsewhere = join(tempDir(), 'carried')
  mkdirSync(elsewhere)
  const moved = join(elsewhere, 'client.focal')
  renameSync(ws.path, moved)
  rmSync(source)
  return Workspace.open(moved)
}

describe('embedded sources', () => {
  it('show the exact source line after the workspace moved and the file is gone', async () => {
    const { ws, copy } = await importCopy(true)
    const carried = await carry(ws, copy)
    const lines = linesOf(SAMPLE)
    for (const row of [1, 2, 500, 1000]) {
      const source = await rowSource(carried, { importId: 1, sourceRow: row }, new SourceLinks())
      expect(source).toMatchObject({ found: true, fileName: 'march.csv', kind: 'csv' })
      if (!source.found) continue
      expect(source.line).toBe(lines[row])
      expect(source.header).toBe(lines[0])
    }
    // Compressed: the 755,423-byte sample takes well under a third of that.
    const info = await workspaceInfo(carried)
    expect(info.embeddedSources.files).toBe(1)
    expect(info.embeddedSources.bytes).toBeGreaterThan(0)
    expect(info.embeddedSources.bytes).toBeLessThan(755_423 / 3)
    expect(describeInfo(info)).toMatch(/^sources: +not embedded .*; 1 source files inside/m)
    await carried.close()
  })

  it('give the same row for CSV.gz and Parquet as the file at hand did', async () => {
    for (const name of ['march.csv.gz', 'march.parquet']) {
      const dir = tempDir()
      const file = join(dir, name)
      if (name.endsWith('.gz')) writeFileSync(file, gzipSync(readFileSync(SAMPLE)))
      else
        await scratchSql(
          `COPY (SELECT * FROM read_csv('${SAMPLE}', all_varchar = true, nullstr = 'NULL')) TO '${file}' (FORMAT parquet)`,
        )
      const ws = await Workspace.open(join(dir, 'client.focal'), { create: true })
      expect((await importFile(ws, file, { embedSource: true })).status).toBe('imported')
      const links = new SourceLinks()
      links.addFolder(dir)
      const atHand = await rowSource(ws, { importId: 1, sourceRow: 734 }, links)
      expect(atHand).toMatchObject({ found: true, fileName: name })
      const carried = await carry(ws, file)
      const fromCopy = await rowSource(carried, { importId: 1, sourceRow: 734 }, new SourceLinks())
      expect(fromCopy).toEqual(atHand)
      await carried.close()
    }
  })

  it('are off by default: nothing is stored and the file must be at hand', async () => {
    const { ws, copy } = await importCopy(undefined)
    expect(await embedsSources(ws)).toBe(false)
    const carried = await carry(ws, copy)
    expect((await workspaceInfo(carried)).embeddedSources).toEqual({ files: 0, bytes: 0 })
    const source = await rowSource(carried, { importId: 1, sourceRow: 2 }, new SourceLinks())
    expect(source).toMatchObject({ found: false })
    if (!source.found) expect(source.message).toMatch(/is not at hand: choose the folder/)
    await carried.close()
  })

  it('follow the workspace setting, which is audited', async () => {
    const dir = tempDir()
    const ws = await Workspace.open(join(dir, 'client.focal'), { create: true })
    await setEmbedSources(ws, true)
    expect(await embedsSources(ws)).toBe(true)
    const [entry] = await ws.all(
      "SELECT details FROM audit_log WHERE action = 'settings.embed-sources'",
    )
    expect(JSON.parse(String(entry?.details))).toEqual({ embedSources: true })
    const copy = join(dir, 'march.csv')
    copyFileSync(SAMPLE, copy)
    await importFile(ws, copy)
    const info = await workspaceInfo(ws)
    expect(info).toMatchObject({ sourcesEmbedded: true, embeddedSources: { files: 1 } })
    expect(describeInfo(info)).toMatch(/^sources: +embedded \(each import stores its file/m)
    await ws.close()
  })

  it('refuse a damaged copy instead of showing a wrong line', async () => {
    const { ws, copy } = await importCopy(true)
    const carried = await carry(ws, copy)
    // The same bytes gzip-compressed again with one character changed: valid gzip, wrong content.
    const changed = gzipSync(readFileSync(SAMPLE, 'utf8').replace('Usage', 'Usagf'))
    await carried.run('UPDATE source_files SET compressed = $1 WHERE import_id = 1', [
      blobValue(new Uint8Array(changed)),
    ])
    const source = await rowSource(carried, { importId: 1, sourceRow: 2 }, new SourceLinks())
    expect(source).toMatchObject({ found: false })
    if (!source.found) expect(source.message).toMatch(/embedded in the workspace does not match/)
    await carried.close()
  })

  it('store a big file in parts and give back the same bytes', async () => {
    const dir = tempDir()
    const ws = await Workspace.open(join(dir, 'client.focal'), { create: true })
    // Random bytes do not compress: 2.5 parts' worth makes three parts.
    const file = join(dir, 'noise.bin')
    writeFileSync(file, randomBytes(PART_BYTES * 2 + PART_BYTES / 2))
    const sha256 = await sha256File(file)
    await ws.transaction(() => embedSource(ws, 7, file, 'noise.bin'))
    const [parts] = await ws.all(
      'SELECT count(*)::INTEGER AS n, max(octet_length(compressed))::BIGINT AS biggest FROM source_files WHERE import_id = 7',
    )
    expect(Number(parts?.n)).toBe(3)
    expect(Number(parts?.biggest)).toBeLessThanOrEqual(PART_BYTES)
    const back = await withEmbeddedSource(ws, 7, sha256, (path) => sha256File(path))
    expect(back).toEqual({ status: 'read', value: sha256 })
    await ws.close()
  })
})
