/**
 * A native CSV read in place (import-file.ts): its mapping's view reads the file and the
 * insert stores it with no text stage between; rows keep their place in the file, and a
 * value the insert cannot convert is found by the text stage it falls back to.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseCsv } from '../../../shared/csv'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const CUR = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')

let ws: Workspace | undefined
afterEach(() => ws?.close())

/** Every statement the workspace's writer runs during `work`. */
async function statementsOf(workspace: Workspace, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  const writer = workspace.writer
  const run = writer.run.bind(writer)
  const runAndReadAll = writer.runAndReadAll.bind(writer)
  writer.run = (sql, ...rest) => (seen.push(sql), run(sql, ...rest))
  writer.runAndReadAll = (sql, ...rest) => (seen.push(sql), runAndReadAll(sql, ...rest))
  try {
    await work()
  } finally {
    writer.run = run
    writer.runAndReadAll = runAndReadAll
  }
  return seen
}

describe('a native CSV read in place', () => {
  it('stores an AWS CUR with no text stage, each row numbered by its place in the file', async () => {
    ws = await freshWorkspace()
    const workspace = ws
    let record: Awaited<ReturnType<typeof importFile>> | undefined
    const statements = await statementsOf(workspace, async () => {
      record = await importFile(workspace, CUR)
    })
    expect(record?.status).toBe('imported')
    expect(statements.some((sql) => /^CREATE TEMP TABLE/.test(sql.trim()))).toBe(false)
    expect(statements.some((sql) => /^CREATE TEMP VIEW "mapped/.test(sql.trim()))).toBe(true)
    // Rows as the file holds them, read by an independent parser.
    const [header = [], ...rows] = parseCsv(readFileSync(CUR, 'utf8'))
    const columns = ['identity/LineItemId', 'lineItem/UsageStartDate', 'lineItem/UsageAmount']
    const expected = rows.map((row, i) => [
      i + 1,
      ...columns.map((c) => row[header.indexOf(c)] || null),
    ])
    const stored = await workspace.all(
      `SELECT x_SourceRow::INTEGER AS r, ${columns.map((c) => `"x_${c}"`).join(', ')}
       FROM cost_rows WHERE x_ImportId = $1 ORDER BY x_SourceRow`,
      [record?.id ?? 0],
    )
    expect(record?.rowCount).toBe(rows.length)
    expect(stored.map((row) => Object.values(row))).toEqual(expected)
  })

  it('finds a value the insert cannot convert through the text stage, naming its row and column', async () => {
    ws = await freshWorkspace()
    const lines = readFileSync(CUR, 'utf8').split(/\r?\n/)
    const header = parseCsv(lines[0] ?? '')[0] ?? []
    const cost = header.indexOf('lineItem/UnblendedCost')
    // The file's 100th row (no value of the sample spans lines), written back with quotes where needed.
    const fields = parseCsv(lines[100] ?? '')[0] ?? []
    fields[cost] = '12.50 USD'
    const quoted = (f: string): string => (/[",]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)
    lines[100] = fields.map(quoted).join(',')
    const path = join(tempDir(), 'cur-bad.csv')
    writeFileSync(path, lines.join('\n'))
    const record = await importFile(ws, path)
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('BAD_VALUE')
    expect(record.error?.location).toMatchObject({
      file: 'cur-bad.csv',
      row: 100,
      column: 'lineItem/UnblendedCost',
      value: '12.50 USD',
    })
    const [count] = await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')
    expect(count?.n).toBe(0)
  })
})
