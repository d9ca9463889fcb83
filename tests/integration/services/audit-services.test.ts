/**
 * The audit trail channels (services-audit.ts): the log newest first, filtered by action
 * family and words, paged; the verification intact, then broken at the entry and field an
 * edit made behind the app's back; the filtered log as CSV (every entry, read back) and as a
 * PDF whose text (pdftotext) carries the verdict and the entries.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { DEMO, demoServices, importStaged } from './support'

let services: FocalServices
let dataDir: string
beforeAll(async () => {
  ;({ services, dataDir } = await demoServices())
  await services['workspace:create']({ name: 'audited' })
  await importStaged(services, DEMO, 'focus-sample.csv')
  await services['fx:import']({
    fileName: 'rates.csv',
    text: 'month,from,to,rate,source\n2024-09,USD,EUR,0.9012,Treasury\n',
  })
})
afterAll(() => services.close())

describe('audit channels', () => {
  it('lists the log newest first, filters by family and words, and pages', async () => {
    const all = await services['audit:log']({ offset: 0, limit: 500 })
    expect(CHANNELS['audit:log'].response.parse(all)).toEqual(all)
    expect(all.entries.map((e) => e.action)).toEqual([
      'fx.import',
      'import.imported',
      'workspace.create',
    ])
    expect(all.entries.map((e) => e.seq)).toEqual([3, 2, 1])
    expect(all.actions).toEqual(['fx.import', 'import.imported', 'workspace.create'])
    const imported = JSON.parse(all.entries[1]!.details!) as { importId: number; fileName: string }
    expect(imported).toMatchObject({ importId: 1, rows: 1000 })

    const imports = await services['audit:log']({ kind: 'import', offset: 0, limit: 10 })
    expect(imports.entries.map((e) => e.action)).toEqual(['import.imported'])
    const words = await services['audit:log']({ text: 'RATES.CSV fx', offset: 0, limit: 10 })
    expect(words.entries.map((e) => e.action)).toEqual(['fx.import'])
    const second = await services['audit:log']({ offset: 1, limit: 1 })
    expect([second.total, second.offset, second.entries.map((e) => e.seq)]).toEqual([3, 1, [2]])
  })

  it('exports the filtered log as CSV (oldest first) and as a PDF opening with the verdict', async () => {
    const csv = await services['audit:export']({ format: 'csv' })
    expect(csv.fileName).toMatch(/^audited-audit-\d{4}-\d\d-\d\d\.csv$/)
    const [header, ...rows] = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'))
    expect(header).toEqual(['seq', 'logged_at', 'actor', 'action', 'subject', 'details'])
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['1', 'workspace.create', 'audited'],
      ['2', 'import.imported', 'focus-sample.csv'],
      ['3', 'fx.import', 'rates.csv'],
    ])

    const pdf = await services['audit:export']({ format: 'pdf', kind: 'import' })
    const path = join(tempDir(), pdf.fileName)
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'))
    // Without -layout: the verdict's sentence wraps, its words stay in order.
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Audit trail of audited')
    expect(text).toContain('Entries action import.')
    expect(text).toMatch(
      /3 entries, chain intact \(last entry 3, hash [0-9a-f]{64}\); 1 import and 0 closes or reopens checked/,
    )
    expect(text).toContain('Entries (1)')
    expect(text).toContain('import.imported')
    expect(text).not.toContain('fx.import')
  })

  it('verifies the chain, and names the entry and field an edit behind its back changed', async () => {
    const intact = await services['audit:verify']({})
    expect(CHANNELS['audit:verify'].response.parse(intact)).toEqual(intact)
    expect([intact.ok, intact.entries, intact.break, intact.importsChecked]).toEqual([
      true,
      3,
      null,
      1,
    ])

    await services['workspace:close']({})
    const db = await DuckDBInstance.create(join(dataDir, 'workspaces', 'audited.focal'))
    const connection = await db.connect()
    await connection.run("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
    connection.closeSync()
    db.closeSync()
    await services['workspace:open']({ name: 'audited' })

    const broken = await services['audit:verify']({})
    expect(broken.ok).toBe(false)
    expect(broken.break).toMatchObject({ seq: 2, field: 'actor', found: 'someone else' })
  })
})
