/** Rule-set versions in the workspace, preview before → after, read-only use, imported tables. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import { UNALLOCATED } from '../../../electron/core/allocate/lines'
import { previewAllocation } from '../../../electron/core/allocate/preview'
import {
  getRuleVersion,
  latestRuleVersion,
  listRuleVersions,
  saveRuleVersion,
} from '../../../electron/core/allocate/store'
import { importDriverCsv, importMappingCsv } from '../../../electron/core/allocate/tables'
import { Workspace, actorName } from '../../../electron/core/workspace/workspace'
import { RuleSetSchema } from '../../../shared/allocate/rule-set'
import { tempDir } from '../../helpers/paths'
import { demoWorkspace, exampleRules } from './fixtures'

let ws: Workspace
afterEach(() => ws?.close())

describe('rule-set versions', () => {
  it('saves each change as a new version with time, author and note; an unchanged set is not saved again', async () => {
    ws = await demoWorkspace()
    expect(await latestRuleVersion(ws)).toBeNull()
    const rules = exampleRules()
    expect(await saveRuleVersion(ws, rules, 'first cut')).toEqual({ version: 1, created: true })
    expect(await saveRuleVersion(ws, rules, 'again')).toEqual({ version: 1, created: false })
    const changed = RuleSetSchema.parse({ ...rules, coverageTarget: 97 })
    expect(await saveRuleVersion(ws, changed, 'raise the bar')).toEqual({
      version: 2,
      created: true,
    })
    const versions = await listRuleVersions(ws)
    expect(versions.map((v) => [v.version, v.author, v.note])).toEqual([
      [2, actorName(), 'raise the bar'],
      [1, actorName(), 'first cut'],
    ])
    expect(versions[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect((await getRuleVersion(ws, 1))?.ruleSet).toEqual(rules)
    const audit = await ws.all(
      `SELECT action, subject FROM audit_log WHERE action LIKE 'allocation.%' ORDER BY logged_at`,
    )
    expect(audit.map((a) => `${a.action} ${a.subject}`)).toEqual([
      'allocation.mapping.import account-cost-center',
      'allocation.driver.import cluster-cpu-hours',
      'allocation.rules.save v1',
      'allocation.rules.save v2',
    ])
  })

  it('allocates with the latest saved version when no rule set is given, and names it', async () => {
    ws = await demoWorkspace()
    await expect(allocateLines(ws, { period: '2024-09', metric: 'BilledCost' })).rejects.toThrow(
      'This workspace has no saved allocation rules.',
    )
    await saveRuleVersion(ws, exampleRules(), 'v1')
    const result = await allocateLines(ws, { period: '2024-09', metric: 'BilledCost' })
    expect(result.ruleVersion).toBe(1)
    await dropLines(ws, result.table)
    const same = await allocateLines(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      ruleSet: exampleRules(),
    })
    expect(same.ruleVersion).toBe(1)
    await dropLines(ws, same.table)
  })

  it('previews before → after without saving: from no rules, then from the saved version', async () => {
    ws = await demoWorkspace()
    const rules = exampleRules()
    const first = await previewAllocation(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      ruleSet: rules,
    })
    expect(first.beforeVersion).toBeNull()
    expect(first.rows.find((r) => r.target === UNALLOCATED)).toEqual({
      currency: 'USD',
      target: UNALLOCATED,
      before: '20.28022672899',
      after: '0.2772384847',
      change: '-20.00298824429',
      // The cents Reports charges: all of the period before any rule, the rest after.
      charged: '0.28',
      chargedBefore: '20.28',
    })
    expect(await listRuleVersions(ws)).toEqual([])
    await saveRuleVersion(ws, rules, 'v1')
    // Drop the account-mapping rule: the direct cost it assigned goes back to Unallocated —
    // 0.0905690587 + 0.21995207966 + 0.0923362614 + 0.222 + 0.1482811976 = 0.77313859736.
    const base = rules.dimensions[0]!
    const candidate = RuleSetSchema.parse({
      ...rules,
      dimensions: [{ ...base, rules: base.rules.filter((r) => r.id !== 'untagged-by-account') }],
    })
    const second = await previewAllocation(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      ruleSet: candidate,
    })
    expect(second.beforeVersion).toBe(1)
    expect(second.after.ruleVersion).toBeNull()
    const unallocated = second.rows.find((r) => r.target === UNALLOCATED)
    expect(unallocated).toMatchObject({
      before: '0.2772384847',
      after: '1.05037708206',
      change: '0.77313859736',
    })
    const tables = await ws.all(`SELECT table_name FROM duckdb_tables() WHERE temporary`)
    expect(tables).toEqual([])
  })

  it('allocates a read-only workspace (the lines are TEMP tables) and reads its saved rules', async () => {
    const setup = await demoWorkspace()
    await saveRuleVersion(setup, exampleRules(), 'v1')
    const path = setup.path
    setup.close()
    ws = await Workspace.open(path, { readOnly: true })
    const result = await allocateLines(ws, { period: '2024-09', metric: 'EffectiveCost' })
    expect(result).toMatchObject({
      ruleVersion: 1,
      reconciliation: [{ currency: 'USD', equal: true }],
    })
    await dropLines(ws, result.table)
    await expect(saveRuleVersion(ws, exampleRules(), 'x')).rejects.toThrow(/read-only/)
  })
})

describe('imported mapping and driver tables', () => {
  const file = (name: string, text: string): string => {
    const path = join(tempDir(), name)
    writeFileSync(path, text)
    return path
  }

  it('replaces a table of the same name and refuses a key mapped two ways', async () => {
    ws = await demoWorkspace()
    expect(await importMappingCsv(ws, 'm', file('a.csv', 'k,v\na,1\nb,2\n'))).toMatchObject({
      rows: 2,
    })
    expect(await importMappingCsv(ws, 'm', file('b.csv', 'k,v\na,1\na,1\n\n'))).toMatchObject({
      rows: 1,
    })
    await expect(importMappingCsv(ws, 'm', file('c.csv', 'k,v\na,1\na,2\n'))).rejects.toThrow(
      'c.csv maps "a" to more than one value.',
    )
    const rows = await ws.all(`SELECT key, value FROM allocation_mappings WHERE name = 'm'`)
    expect(rows).toEqual([{ key: 'a', value: '1' }])
  })

  it('takes key and value columns by name, and refuses a bad name or a missing column', async () => {
    ws = await demoWorkspace()
    const csv = file('accounts.csv', 'owner,account,note\nCC-1,111,x\n')
    await importMappingCsv(ws, 'acc', csv, { keyColumn: 'ACCOUNT', valueColumn: 'owner' })
    expect(await ws.all(`SELECT key, value FROM allocation_mappings WHERE name = 'acc'`)).toEqual([
      { key: '111', value: 'CC-1' },
    ])
    await expect(importMappingCsv(ws, 'bad name', csv)).rejects.toThrow(
      '"bad name" is not a valid mapping name.',
    )
    await expect(importMappingCsv(ws, 'acc', csv, { keyColumn: 'id' })).rejects.toThrow(
      'accounts.csv has no key column "id".',
    )
  })

  it('validates driver files: a target, a value ≥ 0, an optional period; one value per target and period', async () => {
    ws = await demoWorkspace()
    await expect(
      importDriverCsv(ws, 'd', file('d1.csv', 'target,value\nweb,-1\n')),
    ).rejects.toThrow('d1.csv line 2: needs a target, a value ≥ 0 and an optional period YYYY-MM.')
    await expect(
      importDriverCsv(ws, 'd', file('d2.csv', 'target,value,period\nweb,1,2024-9\n')),
    ).rejects.toThrow(/line 2/)
    await expect(
      importDriverCsv(ws, 'd', file('d3.csv', 'target,value\nweb,1\nweb,2\n')),
    ).rejects.toThrow('d3.csv has target "web" twice for the same period.')
    await expect(importDriverCsv(ws, 'd', file('d4.csv', 'team,value\nweb,1\n'))).rejects.toThrow(
      /no target column/,
    )
  })
})
