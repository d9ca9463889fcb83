/**
 * Pricing units of native exports (shared/formats/pricing-units.ts): Azure's UnitOfMeasure
 * split into unit and block size by finops-toolkit's PricingUnits.csv, AWS abbreviations
 * written in full. Expected values are computed here from the sample files and the source
 * lookup file in shared/data, with BigInt arithmetic.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, plainDecimal } from '../../helpers/native-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const ACTUAL = sample('finops-toolkit-samples/EA_ActualCost_Small.csv')
const AMORTIZED = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')
const EA_DETAILS = sample('focus-converters-samples/sample-anonymous-ea-export-dataset.csv')
const AWS = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
const KOKU = sample('koku-test-data/aws/2023-06-01.csv')

/** The source table, keyed by UnitOfMeasure as a mapping reads it (trimmed). */
const UNITS = new Map(
  csvRecords(sample('finops-toolkit-open-data/PricingUnits.csv')).map((r) => [
    (r.UnitOfMeasure ?? '').trim(),
    { unit: r.DistinctUnits ?? '', block: r.PricingBlockSize ?? '' },
  ]),
)

/** A plain decimal times a whole number, exactly. */
function times(decimal: string, factor: string): string {
  const [whole = '', fraction = ''] = plainDecimal(decimal).replace('-', '').split('.')
  const digits = (BigInt(`${whole}${fraction}`) * BigInt(factor)).toString()
  const padded = digits.padStart(fraction.length + 1, '0')
  const point = padded.length - fraction.length
  const sign = decimal.trim().startsWith('-') ? '-' : ''
  return normalizeDecimal(`${sign}${padded.slice(0, point)}.${padded.slice(point) || '0'}`)
}

interface UnitRow {
  PricingUnit: string | null
  PricingQuantity: string | null
  ConsumedUnit: string | null
  ConsumedQuantity: string | null
  x_PricingBlockSize: string | null
  fixes: string[]
}

async function unitRows(ws: Workspace): Promise<UnitRow[]> {
  const rows = await ws.all(
    `SELECT PricingUnit, CAST(PricingQuantity AS VARCHAR) AS PricingQuantity, ConsumedUnit,
       CAST(ConsumedQuantity AS VARCHAR) AS ConsumedQuantity, x_PricingBlockSize, x_FixCodes AS fixes
     FROM focus ORDER BY x_SourceRow`,
  )
  return rows.map((r) => ({
    ...(r as unknown as UnitRow),
    PricingQuantity: r.PricingQuantity == null ? null : normalizeDecimal(String(r.PricingQuantity)),
    ConsumedQuantity:
      r.ConsumedQuantity == null ? null : normalizeDecimal(String(r.ConsumedQuantity)),
  }))
}

/** What each row of an Azure file should hold, from the file and the source lookup file. */
function expectedAzure(path: string): UnitRow[] {
  return csvRecords(path).map((r) => {
    const written = (r.UnitOfMeasure ?? '').trim()
    const known = UNITS.get(written)
    const usage = r.ChargeType === 'Usage'
    const unit = known?.unit ?? written
    const fixes = [
      ...(known && known.unit !== written ? ['PRICING_UNIT_NORMALIZED'] : []),
      ...(known ? [] : ['PRICING_UNIT_UNKNOWN']),
      ...(known && known.block !== '1' && r.Quantity ? ['PRICING_QUANTITY_PER_BLOCK'] : []),
      ...(usage && known && known.block !== '1' ? ['CONSUMED_QUANTITY_FROM_PRICING_BLOCKS'] : []),
    ]
    return {
      PricingUnit: unit,
      PricingQuantity: normalizeDecimal(plainDecimal(r.Quantity ?? '')),
      ConsumedUnit: usage ? unit : null,
      ConsumedQuantity: usage ? times(r.Quantity ?? '', known?.block ?? '1') : null,
      x_PricingBlockSize: known?.block ?? null,
      fixes,
    }
  })
}

const UNIT_FIXES = new Set([
  'PRICING_UNIT_NORMALIZED',
  'PRICING_UNIT_UNKNOWN',
  'CONSUMED_QUANTITY_FROM_PRICING_BLOCKS',
  'PRICING_QUANTITY_PER_BLOCK',
])

/** The stored rows with only the unit fix codes, sorted, for comparison. */
const withUnitFixes = (rows: UnitRow[]): UnitRow[] =>
  rows.map((r) => ({ ...r, fixes: r.fixes.filter((f) => UNIT_FIXES.has(f)).sort() }))

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('Azure pricing units', () => {
  it('the EA samples price Quantity per UnitOfMeasure block: Cost = UnitPrice × Quantity on every 10K row', () => {
    // Why PricingQuantity is Quantity and ConsumedQuantity is Quantity × block (azure-rules.ts).
    for (const path of [ACTUAL, AMORTIZED]) {
      const blocks = csvRecords(path).filter((r) => r.UnitOfMeasure === '10K')
      expect(blocks.length).toBeGreaterThan(0)
      for (const r of blocks) {
        const [qw = '', qf = ''] = (r.Quantity ?? '').split('.')
        const [pw = '', pf = ''] = (r.UnitPrice ?? '').split('.')
        const product = BigInt(`${qw}${qf}`) * BigInt(`${pw}${pf}`)
        const scale = qf.length + pf.length
        const text = product.toString().padStart(scale + 1, '0')
        expect(normalizeDecimal(`${text.slice(0, -scale)}.${text.slice(-scale)}`)).toBe(
          normalizeDecimal(r.Cost ?? ''),
        )
      }
    }
  })

  for (const [name, path] of [
    ['EA actual', ACTUAL],
    ['EA amortized', AMORTIZED],
    ['EA cost details', EA_DETAILS],
  ] as const)
    it(`${name}: PricingUnit and ConsumedUnit from PricingUnits.csv, x_PricingBlockSize its block, ConsumedQuantity in single units`, async () => {
      ws = await freshWorkspace()
      const record = await importFile(ws, path)
      expect(record.error).toBeNull()
      const stored = withUnitFixes(await unitRows(ws))
      const expected = expectedAzure(path).map((r) => ({ ...r, fixes: [...r.fixes].sort() }))
      expect(stored).toEqual(expected)
    })

  it('EA actual: the three 10K rows consume 52 operations, priced as 0.0052 blocks of 10,000', async () => {
    ws = await freshWorkspace()
    await importFile(ws, ACTUAL)
    const [row] = await ws.all(
      `SELECT CAST(sum(ConsumedQuantity) AS VARCHAR) AS consumed, CAST(sum(PricingQuantity) AS VARCHAR) AS priced,
         list_distinct(list(PricingUnit)) AS units, count(*)::INTEGER AS n
       FROM focus WHERE x_PricingBlockSize = '10000'`,
    )
    expect(row).toEqual({
      consumed: '52.000000000000000000',
      priced: '0.005200000000000000',
      units: ['Units'],
      n: 3,
    })
  })

  it('a UnitOfMeasure the table lacks is kept as written, its quantity unchanged, and flagged', async () => {
    ws = await freshWorkspace()
    const text = readFileSync(EA_DETAILS, 'utf8')
    const header = csvRecords(EA_DETAILS)
    const firstHour = header.findIndex((r) => r.UnitOfMeasure === '1 Hour')
    expect(text.split(',1 Hour,').length - 1).toBe(12)
    const path = join(tempDir(), 'ea-widgets.csv')
    writeFileSync(path, text.replace(',1 Hour,', ',3 Widgets,'))
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    const rows = withUnitFixes(await unitRows(ws))
    const quantity = normalizeDecimal(plainDecimal(header[firstHour]?.Quantity ?? ''))
    expect(rows[firstHour]).toEqual({
      PricingUnit: '3 Widgets',
      PricingQuantity: quantity,
      ConsumedUnit: '3 Widgets',
      ConsumedQuantity: quantity,
      x_PricingBlockSize: null,
      fixes: ['PRICING_UNIT_UNKNOWN'],
    })
    expect(rows.filter((r) => r.fixes.includes('PRICING_UNIT_UNKNOWN'))).toHaveLength(1)
  })
})

describe('AWS pricing units', () => {
  /** Rows per stored PricingUnit, and how many carry PRICING_UNIT_NORMALIZED. */
  async function units(path: string) {
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    const rows = await ws.all(
      `SELECT PricingUnit AS u, ConsumedUnit = PricingUnit AS same, count(*)::INTEGER AS n,
         count(*) FILTER (WHERE list_contains(x_FixCodes, 'PRICING_UNIT_NORMALIZED'))::INTEGER AS fixed
       FROM focus GROUP BY ALL ORDER BY u`,
    )
    return rows.map((r) => [r.u, r.same, r.n, r.fixed])
  }

  it('GB-Mo becomes GB-Months on the focus_converters sample; every other unit is kept as written', async () => {
    // Counts per pricing/unit and line item type, read from the file itself.
    const counts = new Map<string, number>()
    for (const r of csvRecords(AWS)) {
      const key = r['lineItem/LineItemType'] === 'Usage' ? (r['pricing/unit'] ?? '') : null
      counts.set(String(key), (counts.get(String(key)) ?? 0) + 1)
    }
    expect(counts.get('GB-Mo')).toBe(123)
    const expected = [...counts]
      .map(([unit, n]) => {
        if (unit === 'null') return [null, null, n, 0]
        if (unit === 'GB-Mo') return ['GB-Months', true, n, n]
        return [unit, true, n, 0]
      })
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    const got = await units(AWS)
    expect([...got].sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(expected)
  })

  it('Hrs becomes Hours on the Koku CUR', async () => {
    const rows = csvRecords(KOKU)
    expect(rows.map((r) => r['pricing/unit'])).toEqual(['Hrs', 'Hrs', 'Hrs'])
    expect(await units(KOKU)).toEqual([['Hours', true, 3, 3]])
  })
})
