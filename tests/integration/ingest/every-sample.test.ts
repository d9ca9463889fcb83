/**
 * Every billing file in ../shared/data imports, each into its own workspace, with
 * its row count and its cost totals checked against the figures the data's own
 * README states (rows, and the sum of each cost column as its curators computed
 * it, to six decimals) — numbers that share nothing with Focal's code. A new billing sample added to
 * that README is picked up here without a code change.
 */
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { DATA, sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

/** One billing file as the data README lists it. */
interface Listed {
  readonly file: string
  readonly what: string
  readonly rows: number
  /** Column name → the sum the README gives for it. */
  readonly sums: ReadonlyMap<string, string>
}

const LOOKUPS = /open-data\/|mapping_files\/|conversion_rules_export\//

/** The README's "Files" table rows that are billing data (rows given, CSV or Parquet, not a lookup table). */
function listedBillingFiles(): Listed[] {
  const readme = readFileSync(`${DATA}/README.md`, 'utf8')
  const listed: Listed[] = []
  for (const line of readme.split('\n')) {
    if (!line.startsWith('| `')) continue
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim())
    const file = cells[0]?.replace(/`/g, '') ?? ''
    const rows = Number(cells[4])
    if (!/\.(csv|parquet)$/.test(file) || LOOKUPS.test(file) || !cells[4] || !rows) continue
    const sums = new Map<string, string>()
    for (const part of (cells[6] ?? '').split(';')) {
      const m = /^\s*([\w/]+)=(-?[\d.]+)/.exec(part)
      if (m?.[1] && m[2]) sums.set(m[1], m[2])
    }
    listed.push({ file, what: cells[3] ?? '', rows, sums })
  }
  return listed
}

/** The FOCUS column a native export's listed source column lands in, when the two must agree. */
function focusColumnOf(file: Listed, column: string): string | undefined {
  if (['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'].includes(column)) return column
  if (['lineItem/UnblendedCost', 'CostInBillingCurrency', 'cost/myCost'].includes(column))
    return 'BilledCost'
  // An Azure actual export's Cost is what is invoiced; an amortized export's spreads commitments.
  if (column === 'Cost') return /\*\*amortized\*\*/.test(file.what) ? 'EffectiveCost' : 'BilledCost'
  // GCP's `cost` is before credits, so it equals no FOCUS column (gcp-billing.test.ts sums both).
  return undefined
}

/**
 * Values supplied for FOCUS columns a file lacks (focal import --assume). The spec's commitment
 * examples have no BillingCurrency: their own CommitmentDiscountUnit reads USD (usage scenario 4).
 */
function assumptionsOf(file: Listed): Record<string, string> | undefined {
  return /^focus-spec-examples\/data\/commitment_discount_/.test(file.file)
    ? { BillingCurrency: 'USD' }
    : undefined
}

/**
 * Scenario files that lack the charge period (and the SCA ones the currency) with no period
 * stated anywhere (their source's README and SOURCES.md): nothing can be assumed for them, so
 * they are refused naming what is missing.
 */
const REFUSED: Readonly<Record<string, string>> = {
  'scenarios_correction_set.csv': 'ChargePeriodStart, ChargePeriodEnd',
  'scenarios_sca_equal.csv': 'BillingCurrency, ChargePeriodStart, ChargePeriodEnd',
  'scenarios_sca_negative.csv': 'BillingCurrency, ChargePeriodStart, ChargePeriodEnd',
  'scenarios_sca_weighted.csv': 'BillingCurrency, ChargePeriodStart, ChargePeriodEnd',
}

/** Spec examples with an impossible time (hour 30): refused naming its row, column and text. */
const BAD_TIME: Readonly<Record<string, number>> = {
  'commitment_discount_purchase_scenario_2.csv': 3,
  'commitment_discount_purchase_scenario_3.csv': 4,
}

const ALL = listedBillingFiles()
/** Files that are not cost and usage data, and what Focal does with each instead. */
const NOT_COST = ALL.filter((f) => /Contract Commitment|validator fixture, 3 columns/.test(f.what))
const COST = ALL.filter((f) => !NOT_COST.includes(f))

const opened: Workspace[] = []
afterAll(async () => {
  for (const ws of opened) await ws.close()
})

describe('every billing file in ../shared/data', () => {
  it('finds the billing files the data README lists (none lost to a parsing change)', () => {
    expect(COST.length).toBeGreaterThanOrEqual(45)
    expect(NOT_COST.map((f) => f.file.split('/').pop())).toEqual([
      'aws_1_3_contract_commitment_rows100_seed42.csv',
      'azure_1_3_contract_commitment_rows100_seed42.csv',
      'gcp_1_3_contract_commitment_rows100_seed42.csv',
      'sample.parquet',
    ])
  })

  it.each(
    NOT_COST.filter((f) => /Contract Commitment/.test(f.what)).map((f) => [f.file, f] as const),
  )(
    '%s imports as the Contract Commitment dataset with the README rows and sum, never as cost',
    async (_name, listed) => {
      const ws = await freshWorkspace('sweep')
      opened.push(ws)
      const record = await importFile(ws, sample(listed.file))
      expect([record.status, record.error?.message, record.rowCount]).toEqual([
        'imported',
        undefined,
        listed.rows,
      ])
      const [row] = await ws.all(
        'SELECT round(sum(ContractCommitmentCost), 6)::VARCHAR AS s FROM contract_commitments',
      )
      expect(normalizeDecimal(String(row?.s))).toBe(listed.sums.get('ContractCommitmentCost'))
      expect(record.commitments?.totals.every((t) => t.reconciled)).toBe(true)
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')).toEqual([{ n: 0 }])
      await ws.close()
      opened.splice(opened.indexOf(ws), 1)
    },
  )

  it('refuses the validator 3-column Parquet fixture as no billing export, located in its schema', async () => {
    const ws = await freshWorkspace('sweep')
    opened.push(ws)
    const listed = NOT_COST.find((f) => f.file.endsWith('sample.parquet'))
    const record = await importFile(ws, sample(listed?.file ?? ''))
    expect([record.status, record.error?.location]).toEqual([
      'failed',
      { file: 'sample.parquet', part: 'schema' },
    ])
    expect(record.error?.message).toMatch(
      /^sample\.parquet is not a billing export Focal recognizes/,
    )
  })

  it.each(COST.map((f) => [f.file, f] as const))(
    '%s imports with the README rows and sums',
    async (_name, listed) => {
      const ws = await freshWorkspace('sweep')
      opened.push(ws)
      const assume = assumptionsOf(listed)
      const record = await importFile(ws, sample(listed.file), assume ? { assume } : {})
      const name = listed.file.split('/').pop() ?? ''
      const missing = REFUSED[name]
      if (missing) {
        expect([record.status, record.error?.code, record.error?.message]).toEqual([
          'failed',
          'MISSING_COLUMNS',
          `${name} lacks required FOCUS columns: ${missing}.`,
        ])
        return
      }
      const badRow = BAD_TIME[name]
      if (badRow) {
        expect([record.status, record.error?.message]).toEqual([
          'failed',
          `${name}, row ${badRow}, column ChargePeriodEnd: "2023-02-01T30:00:00Z" is not a date/time.`,
        ])
        return
      }
      expect([record.status, record.error?.message]).toEqual(['imported', undefined])
      if (assume) expect(record.assumed).toEqual([{ column: 'BillingCurrency', value: 'USD' }])
      expect(record.rowCount).toBe(listed.rows)
      for (const [column, expected] of listed.sums) {
        const focus = focusColumnOf(listed, column)
        if (!focus) continue
        // The README rounds its sums to six decimals; DuckDB rounds the exact DECIMAL sum the same way.
        const [row] = await ws.all(`SELECT round(sum("${focus}"), 6)::VARCHAR AS s FROM focus`)
        expect([column, normalizeDecimal(String(row?.s))]).toEqual([column, expected])
      }
      await ws.close()
      opened.splice(opened.indexOf(ws), 1)
    },
  )
})
