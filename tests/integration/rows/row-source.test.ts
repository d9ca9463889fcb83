/**
 * rowSource ("Show in source"): the original line of a stored row, found by SHA-256 in a folder
 * the user points at, counted as the import counted it; a plain sentence when it is not at hand.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArchive } from '../../../electron/core/ingest/import-archive'
import { importFile } from '../../../electron/core/ingest/import-file'
import { rowDetail } from '../../../electron/core/rows/row-detail'
import { rowSource } from '../../../electron/core/rows/row-source'
import { SourceLinks } from '../../../electron/core/rows/source-links'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseCsv } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { writeZip } from '../../helpers/zip-writer'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const CUR = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
let ws: Workspace
const made = tempDir()
const ids: Record<string, number> = {}
const spaces: Record<string, { ws: Workspace; id: number }> = {}

/** Lines of a text file as written, line endings removed. */
const linesOf = (path: string): string[] => readFileSync(path, 'utf8').split(/\r?\n/)

beforeAll(async () => {
  ws = await freshWorkspace()
  // A FOCUS CSV whose third data row holds a description spanning two lines (quoted).
  const lines = linesOf(SAMPLE)
  const spanning = [
    lines[0],
    lines[1],
    lines[2],
    lines[3]!.replace(
      '"Usage",NULL,"',
      '"Usage",NULL,"Two lines:\nthe second, "", with a quote"" ',
    ),
    lines[4],
    '',
  ].join('\n')
  writeFileSync(join(made, 'spanning.csv'), spanning)
  writeFileSync(join(made, 'sample.csv.gz'), gzipSync(readFileSync(SAMPLE)))
  await scratchSql(
    `COPY (SELECT * FROM read_csv('${SAMPLE}', all_varchar = true, nullstr = 'NULL')) TO '${join(made, 'sample.parquet')}' (FORMAT parquet)`,
  )
  ids.focus = (await importFile(ws, SAMPLE)).id
  ids.cur = (await importFile(ws, CUR)).id
  // The same charges in other forms: each in a workspace of its own (one would be a duplicate).
  for (const [key, name] of [
    ['spanning', 'spanning.csv'],
    ['gz', 'sample.csv.gz'],
    ['parquet', 'sample.parquet'],
  ] as const) {
    const other = await freshWorkspace(key)
    const record = await importFile(other, join(made, name))
    expect(record.status, JSON.stringify(record.error)).toBe('imported')
    spaces[key] = { ws: other, id: record.id }
  }
})
afterAll(async () => {
  await ws.close()
  for (const space of Object.values(spaces)) await space.ws.close()
})

/** A folder holding copies of the source files under other names, beside decoys of other sizes. */
function folderWithCopies(): string {
  const folder = join(tempDir(), 'exports')
  mkdirSync(join(folder, 'nested'), { recursive: true })
  copyFileSync(SAMPLE, join(folder, 'renamed.csv'))
  copyFileSync(CUR, join(folder, 'nested', 'cur-copy.csv'))
  for (const name of ['spanning.csv', 'sample.csv.gz', 'sample.parquet'])
    copyFileSync(join(made, name), join(folder, 'nested', `copy-${name}`))
  writeFileSync(join(folder, 'notes.txt'), 'not a billing file')
  return folder
}

describe('rowSource', () => {
  it('says plainly that a file is not at hand, naming it and its SHA-256', async () => {
    const source = await rowSource(ws, { importId: ids.focus!, sourceRow: 3 }, new SourceLinks())
    const { sha256 } = (await rowDetail(ws, { importId: ids.focus!, sourceRow: 3 })).provenance
    expect(source).toEqual({
      found: false,
      fileName: 'focus_sample.csv',
      message: `The source file focus_sample.csv (SHA-256 ${sha256.slice(0, 12)}…) is not at hand: choose the folder that holds it.`,
    })
  })

  it('finds a renamed copy by SHA-256 and returns the header and line N as written', async () => {
    const links = new SourceLinks()
    const folder = folderWithCopies()
    const lines = linesOf(SAMPLE)
    for (const row of [1, 500, 1000]) {
      const source = await rowSource(ws, { importId: ids.focus!, sourceRow: row }, links, folder)
      expect(source).toMatchObject({ found: true, kind: 'csv', header: lines[0], line: lines[row] })
    }
    // The folder stays linked for the session: no folder needed the second time.
    const again = await rowSource(ws, { importId: ids.focus!, sourceRow: 2 }, links)
    expect(again).toMatchObject({ found: true, line: lines[2] })
  })

  it('shows the source line of a mapped AWS CUR row, the same row the stored values came from', async () => {
    const links = new SourceLinks()
    links.addFolder(folderWithCopies())
    const [header = [], ...records] = parseCsv(readFileSync(CUR, 'utf8'))
    const detail = await rowDetail(ws, { importId: ids.cur!, sourceRow: 42 })
    const source = await rowSource(ws, { importId: ids.cur!, sourceRow: 42 }, links)
    if (!source.found) throw new Error(source.message)
    expect(source.fields.map((f) => f.value)).toEqual(records[41])
    expect(source.fields.map((f) => f.name)).toEqual(header)
    const cost = source.fields.find((f) => f.name === 'lineItem/UnblendedCost')?.value
    const billed = detail.values.find((v) => v.column === 'BilledCost')?.value
    expect(Number(billed)).toBe(Number(cost))
  })

  it('counts a quoted field spanning lines as one row, as the import did', async () => {
    const links = new SourceLinks()
    links.addFolder(folderWithCopies())
    const lines = linesOf(join(made, 'spanning.csv'))
    const third = await rowSource(
      spaces.spanning!.ws,
      { importId: spaces.spanning!.id, sourceRow: 3 },
      links,
    )
    expect(third).toMatchObject({ found: true, line: `${lines[3]}\n${lines[4]}` })
    const fourth = await rowSource(
      spaces.spanning!.ws,
      { importId: spaces.spanning!.id, sourceRow: 4 },
      links,
    )
    expect(fourth).toMatchObject({ found: true, line: lines[5] })
    const stored = await rowDetail(spaces.spanning!.ws, {
      importId: spaces.spanning!.id,
      sourceRow: 3,
    })
    expect(stored.values.find((v) => v.column === 'ChargeDescription')?.value).toMatch(
      /^Two lines:\nthe second, ", with a quote" /,
    )
  })

  it('reads a CSV.gz line and a Parquet row by its place in the file', async () => {
    const links = new SourceLinks()
    links.addFolder(folderWithCopies())
    const lines = linesOf(SAMPLE)
    const gz = await rowSource(spaces.gz!.ws, { importId: spaces.gz!.id, sourceRow: 777 }, links)
    expect(gz).toMatchObject({ found: true, kind: 'csv.gz', line: lines[777] })
    const parquet = await rowSource(
      spaces.parquet!.ws,
      { importId: spaces.parquet!.id, sourceRow: 777 },
      links,
    )
    if (!parquet.found) throw new Error(parquet.message)
    const [header = [], ...records] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const id = parquet.fields.find((f) => f.name === 'Id')?.value
    expect(id).toBe(records[776]![header.indexOf('Id')])
    const stored = await rowDetail(spaces.parquet!.ws, {
      importId: spaces.parquet!.id,
      sourceRow: 777,
    })
    for (const column of ['ResourceId', 'ChargeDescription', 'ChargePeriodStart'])
      expect(stored.values.find((v) => v.column === column)?.value ?? null).toContain(
        parquet.fields.find((f) => f.name === column)?.value,
      )
  })

  it('re-reads a file imported from a ZIP by name inside the archive found by its SHA-256', async () => {
    const zipped = await freshWorkspace('zipped')
    try {
      const archive = join(tempDir(), 'september.zip')
      writeZip(archive, [{ name: 'exports/focus.csv', data: readFileSync(SAMPLE) }])
      const { records } = await importArchive(zipped, archive)
      expect(records.map((r) => [r.fileName, r.status])).toEqual([
        ['september.zip/exports/focus.csv', 'imported'],
      ])
      const key = { importId: records[0]!.id, sourceRow: 250 }
      const away = await rowSource(zipped, key, new SourceLinks())
      expect(away).toEqual({
        found: false,
        fileName: 'september.zip/exports/focus.csv',
        message:
          'The archive september.zip that held exports/focus.csv is not at hand (or no longer holds it as imported): choose the folder that holds it.',
      })
      const folder = join(tempDir(), 'downloads')
      mkdirSync(folder)
      copyFileSync(archive, join(folder, 'renamed.zip'))
      const source = await rowSource(zipped, key, new SourceLinks(), folder)
      expect(source).toMatchObject({ found: true, kind: 'csv', line: linesOf(SAMPLE)[250] })
    } finally {
      await zipped.close()
    }
  })
})
