/**
 * core/tags/tag-policy on a real imported file whose rows spell one tag four ways: every
 * reader of `tag:<key>` (pivots, allocation rules, reports, the ledger account, the
 * catalog) groups them under one canonical key, and edits change it and are audited.
 * Expected figures come from the hand-written rows (fixture.ts), never from the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import { importFile } from '../../../electron/core/ingest/import-file'
import { readCatalog } from '../../../electron/core/query/catalog'
import { runPivot } from '../../../electron/core/query/pivot'
import { dropLines as dropReportLines, readFacts } from '../../../electron/core/report/read-facts'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { editTagPolicy, readTagPolicy } from '../../../electron/core/tags/tag-policy'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSet } from '../../../shared/allocate/parse-rules'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, parseDimension, type PivotSpec } from '../../../shared/pivot'
import { pivotRows } from '../../helpers/arrow'
import { freshWorkspace } from '../../helpers/workspace'
import { TAGGED_PERIOD, TAGGED_ROWS, expectedSums, writeTaggedFile } from './fixture'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('tags')
  const record = await importFile(ws, writeTaggedFile())
  expect([record.status, record.error?.message]).toEqual(['imported', undefined])
})
afterAll(() => ws.close())

const byCostCenter = expectedSums((row) => row.costCenter)

async function pivotBy(key: string, patch: Partial<PivotSpec> = {}) {
  const { meta, arrow } = await runPivot(ws, {
    ...DEFAULT_PIVOT,
    timeGrain: 'none',
    topN: null,
    rows: [parseDimension(`tag:${key}`)],
    ...patch,
  })
  const rows = pivotRows(meta, arrow)
  const sums = Object.fromEntries(
    rows.map((r) => {
      const value = Object.values(r)[0]
      return [
        `${String(r.BillingCurrency)}|${value == null ? '(none)' : String(value)}`,
        { billed: String(r.BilledCost), rows: Number(r.rows) },
      ]
    }),
  )
  return { label: meta.columns[0]?.name, sums }
}

describe('tag:<key> through the alias policy', () => {
  it.each(['cost_center', 'CostCenter', 'cost-center', 'user:CostCenter', 'Cost Center'])(
    'a pivot by tag:%s groups all four spellings under cost_center',
    async (key) => {
      const { label, sums } = await pivotBy(key)
      expect(label).toBe('tag:cost_center')
      expect(sums).toEqual(byCostCenter)
    },
  )

  it('a pivot filter on tag:CostCenter reads every alias', async () => {
    const { sums } = await pivotBy('team', {
      filters: [{ dimension: parseDimension('tag:CostCenter'), op: 'in', values: ['A'] }],
    })
    const a = TAGGED_ROWS.filter((r) => r.costCenter === 'A')
    expect(sums).toEqual(expectedSums(() => null, a))
  })

  it('the catalog offers canonical keys only, most used first, with their aliases and rows', async () => {
    const catalog = await readCatalog(ws)
    expect(catalog.tagKeys).toEqual(['cost_center', 'LedgerAccount', 'team'])
    const keyed = (key: string) => TAGGED_ROWS.filter((r) => key in r.tags).length
    expect(catalog.tagAliases[0]).toEqual({
      canonical: 'cost_center',
      aliases: ['cost_center', 'CostCenter', 'cost-center', 'user:CostCenter'].map((key) => ({
        key,
        rows: keyed(key),
      })),
    })
  })

  it('allocation rules read tag fields and conditions through the policy', async () => {
    const ruleSet = parseRuleSet({
      dimensions: [
        {
          id: 'cc',
          rules: [
            {
              id: 'a-is-alpha',
              when: [{ field: 'tag:user:CostCenter', op: 'equals', value: 'A' }],
              then: 'Alpha',
            },
            { id: 'by-tag', then: { kind: 'field', field: 'tag:cost-center' } },
          ],
        },
      ],
    })
    const result = await allocateLines(ws, {
      period: TAGGED_PERIOD,
      metric: 'BilledCost',
      ruleSet,
    })
    const rows = await ws.all(
      `SELECT BillingCurrency AS c, target, sum(amount)::VARCHAR AS s, count(*)::INT AS n FROM "${result.table}" GROUP BY 1, 2`,
    )
    await dropLines(ws, result.table)
    const got = Object.fromEntries(
      rows.map((r) => [
        `${String(r.c)}|${String(r.target)}`,
        { billed: normalizeDecimal(String(r.s)), rows: Number(r.n) },
      ]),
    )
    expect(got).toEqual(
      expectedSums((row) => (row.costCenter === 'A' ? 'Alpha' : (row.costCenter ?? 'Unallocated'))),
    )
  })

  it('a report by tag:CostCenter and its ledger account tag:ledger_account read every alias', async () => {
    const read = await readFacts(ws, {
      kind: 'showback',
      period: TAGGED_PERIOD,
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('tag:CostCenter')),
      company: null,
      topN: 10,
      budgets: [],
      ledger: parseDimension('tag:ledger_account'),
    })
    await dropReportLines(ws, read.lines.table)
    const lines = Object.fromEntries(
      read.ledger.map((l) => [
        `${l.currency}|${l.target}|${l.ledgerAccount ?? '-'}`,
        { billed: l.amount, rows: l.lines },
      ]),
    )
    const expected = expectedSums(
      (row) => `${row.costCenter ?? 'Unallocated'}|${row.ledger ?? '-'}`,
    )
    expect(lines).toEqual(expected)
  })
})

describe('the policy view and its edits', () => {
  it('lists each canonical key with its aliases, rows, cost and conflicting rows', async () => {
    const policy = await readTagPolicy(ws)
    const group = policy.groups[0]
    const carrying = TAGGED_ROWS.filter((r) => r.costCenter !== null)
    const usd = carrying.filter((r) => r.currency === 'USD').map((r) => r.billed)
    expect(group?.canonical).toBe('cost_center')
    expect(group?.rows).toBe(carrying.length)
    expect(group?.conflicts).toBe(1)
    expect(group?.cost).toEqual([
      { currency: 'JPY', billed: '1000' },
      { currency: 'USD', billed: sumDecimals(usd) },
    ])
    const aliases = group?.aliases.map((a) => [
      a.key,
      a.rows,
      a.cost.map((c) => c.billed).join(' '),
    ])
    const keyed = (key: string) => TAGGED_ROWS.filter((r) => key in r.tags)
    expect(aliases).toEqual(
      ['cost_center', 'CostCenter', 'cost-center', 'user:CostCenter'].map((key) => [
        key,
        keyed(key).length,
        ['JPY', 'USD']
          .map((c) =>
            keyed(key)
              .filter((r) => r.currency === c)
              .map((r) => r.billed),
          )
          .filter((v) => v.length > 0)
          .map((v) => sumDecimals(v))
          .join(' '),
      ]),
    )
    expect(policy.groups.map((g) => g.canonical)).toEqual(['cost_center', 'LedgerAccount', 'team'])
  })

  it('split, rename, merge and reset change what tag:<key> reads, and each is audited', async () => {
    const edited = await freshWorkspace('tag-edits')
    try {
      await importFile(edited, writeTaggedFile())
      // user:CostCenter on its own: its rows leave cost_center unless another alias carries them.
      let policy = await editTagPolicy(edited, { action: 'split', key: 'user:CostCenter' })
      expect(policy.groups.map((g) => [g.canonical, g.aliases.map((a) => a.key)])).toContainEqual([
        'user:CostCenter',
        ['user:CostCenter'],
      ])
      const withoutUser = (row: (typeof TAGGED_ROWS)[number]): string | null =>
        row.tags.cost_center ?? row.tags.CostCenter ?? row.tags['cost-center'] ?? null
      let pivot = await runPivot(edited, {
        ...DEFAULT_PIVOT,
        timeGrain: 'none',
        topN: null,
        rows: [parseDimension('tag:CostCenter')],
      })
      const sums = (rows: Array<Record<string, unknown>>) =>
        Object.fromEntries(
          rows.map((r) => [
            `${String(r.BillingCurrency)}|${String(Object.values(r)[0] ?? '(none)')}`,
            { billed: String(r.BilledCost), rows: Number(r.rows) },
          ]),
        )
      expect(sums(pivotRows(pivot.meta, pivot.arrow))).toEqual(expectedSums(withoutUser))

      policy = await editTagPolicy(edited, {
        action: 'rename',
        canonical: 'cost_center',
        name: 'Cost Centre',
      })
      expect(policy.groups[0]?.canonical).toBe('Cost Centre')
      policy = await editTagPolicy(edited, { action: 'merge', from: 'team', into: 'Cost Centre' })
      expect(policy.groups[0]?.aliases.map((a) => a.key)).toEqual([
        'CostCenter',
        'cost-center',
        'cost_center',
        'team',
      ])
      pivot = await runPivot(edited, {
        ...DEFAULT_PIVOT,
        timeGrain: 'none',
        topN: null,
        rows: [parseDimension('tag:cost_center')],
      })
      expect(pivot.meta.columns[0]?.name).toBe('tag:Cost Centre')
      expect(sums(pivotRows(pivot.meta, pivot.arrow))).toEqual(
        expectedSums((row) => withoutUser(row) ?? row.tags.team ?? null),
      )

      policy = await editTagPolicy(edited, { action: 'reset', key: 'user:CostCenter' })
      expect(policy.groups.find((g) => g.canonical === 'user:CostCenter')).toBeUndefined()
      const audit = await edited.all(
        "SELECT action, subject FROM audit_log WHERE action LIKE 'tags.%' ORDER BY logged_at, action",
      )
      expect(audit.map((r) => [r.action, r.subject])).toEqual([
        ['tags.split', 'split "user:CostCenter" out on its own'],
        ['tags.rename', 'renamed "cost_center" to "Cost Centre"'],
        ['tags.merge', 'merged "team" into "Cost Centre"'],
        ['tags.reset', 'reset "user:CostCenter" to the automatic rule'],
      ])
    } finally {
      edited.close()
    }
  })

  it('refuses a name another canonical key answers to, naming it', async () => {
    await expect(
      editTagPolicy(ws, { action: 'rename', canonical: 'team', name: 'cost-center' }),
    ).rejects.toThrow('"cost-center" is already used by the canonical tag key "cost_center".')
  })
})
