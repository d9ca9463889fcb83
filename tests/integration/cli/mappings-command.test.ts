/** The built `focal` command with column mappings (electron/cli/mappings-command.ts). */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { focal } from '../../helpers/cli'
import { chargebackMapping, chargebackSums, writeChargebackCsv } from '../../helpers/chargeback-csv'
import { tempDir } from '../../helpers/paths'

/** A mapping file in its own temp folder. */
function mappingFile(json: unknown, name = 'chargeback.json'): string {
  const path = join(tempDir(), name)
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json))
  return path
}

describe('focal import --mapping and focal mappings', () => {
  it('tells a CSV no format matches to write a mapping', async () => {
    const ws = join(tempDir(), 'costs.focal')
    const result = await focal('import', writeChargebackCsv(), '-w', ws)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('chargeback-2026.csv is not a billing export Focal recognizes.')
    expect(result.stdout).toContain(
      'write a column mapping (focal mappings, or focal import --mapping <file.json>)',
    )
  })

  it('imports the CSV with a mapping file: every row, totals per currency as the file sums them', async () => {
    const ws = join(tempDir(), 'costs.focal')
    const result = await focal(
      'import',
      writeChargebackCsv(),
      '-w',
      ws,
      '--mapping',
      mappingFile(chargebackMapping()),
      '--json',
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const out = JSON.parse(result.stdout) as {
      ok: boolean
      mapping: { name: string; sha256: string }
      imports: ImportRecord[]
    }
    const sums = chargebackSums()
    expect(out.ok).toBe(true)
    expect(out.mapping.name).toBe('Internal chargeback')
    expect(out.imports[0]).toMatchObject({
      status: 'imported',
      format: `mapping:Internal chargeback@${out.mapping.sha256.slice(0, 12)}/csv`,
      rowCount: 37,
      reconciled: true,
    })
    const query = await focal(
      'query',
      '-w',
      ws,
      '--json',
      'SELECT BillingCurrency AS c, count(*) AS n, sum(BilledCost) AS b FROM focus GROUP BY 1 ORDER BY 1',
    )
    expect(JSON.parse(query.stdout).rows).toEqual([
      { c: 'EUR', n: String(sums.EUR?.rows), b: sums.EUR?.sum },
      { c: 'USD', n: String(sums.USD?.rows), b: sums.USD?.sum },
    ])
  })

  it('lists, exports and imports saved mappings; the exported file imports the same', async () => {
    const ws = join(tempDir(), 'costs.focal')
    expect(
      (await focal('mappings', 'import', mappingFile(chargebackMapping()), '-w', ws)).code,
    ).toBe(0)
    const listed = await focal('mappings', 'list', '-w', ws)
    expect(listed.stdout).toMatch(
      /Internal chargeback\s+\d+\s+Date, Team, Amount, Currency, Service, Project/,
    )
    const out = join(tempDir(), 'exported.json')
    const exported = await focal(
      'mappings',
      'export',
      'Internal chargeback',
      '-w',
      ws,
      '--out',
      out,
    )
    expect(exported.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(chargebackMapping())
    // Written once: a second export to the same file is refused.
    const again = await focal('mappings', 'export', 'Internal chargeback', '-w', ws, '--out', out)
    expect(again).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('exported.json already exists'),
    })
    const other = join(tempDir(), 'other.focal')
    const imported = await focal('import', writeChargebackCsv(), '-w', other, '--mapping', out)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('Read with column mapping "Internal chargeback"')
    const missing = await focal(
      'mappings',
      'export',
      'Nope',
      '-w',
      ws,
      '--out',
      join(tempDir(), 'x.json'),
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('The workspace has no column mapping named "Nope".')
    expect(missing.stderr).toContain('Saved mappings: Internal chargeback.')
  })

  it('refuses a bad mapping file before creating the workspace, naming the file and each problem', async () => {
    const ws = join(tempDir(), 'costs.focal')
    const { BilledCost: _cost, ...columns } = chargebackMapping().columns
    const bad = mappingFile({ ...chargebackMapping(), columns }, 'bad.json')
    const result = await focal('import', writeChargebackCsv(), '-w', ws, '--mapping', bad)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'bad.json is not a usable column mapping: The mapping does not fill the required FOCUS column BilledCost: map each to a source column or a constant.',
    )
    expect(result.stderr).not.toContain(tempDir().split('/').slice(0, -1).join('/') + '/focal')
    const notJson = await focal(
      'mappings',
      'import',
      mappingFile('{"name":', 'broken.json'),
      '-w',
      ws,
    )
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toContain('broken.json is not JSON')
  })
})
