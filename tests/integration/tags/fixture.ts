/**
 * A FOCUS file whose rows spell one tag four ways (CostCenter, cost-center, cost_center,
 * user:CostCenter) and the ledger account three ways, with the value each row should
 * read under the automatic alias policy written beside it by hand: the oracle the tag
 * tests compare the engine with.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'

/** One row of the file and what it should read as. */
export interface TaggedRow {
  readonly tags: Record<string, string>
  readonly currency: string
  readonly billed: string
  /** The canonical cost center (group "cost_center", read order cost_center, CostCenter, cost-center, user:CostCenter). */
  readonly costCenter: string | null
  /** The ledger account (group "LedgerAccount", read order LedgerAccount, ledger-account, ledger_account). */
  readonly ledger: string | null
}

/** The rows; the period is the demo's first row's, 2024-09. */
export const TAGGED_ROWS: readonly TaggedRow[] = [
  {
    tags: { CostCenter: 'A', LedgerAccount: '6100' },
    currency: 'USD',
    billed: '10.10',
    costCenter: 'A',
    ledger: '6100',
  },
  {
    tags: { 'cost-center': 'B', 'ledger-account': '6200' },
    currency: 'USD',
    billed: '20.20',
    costCenter: 'B',
    ledger: '6200',
  },
  { tags: { cost_center: 'A' }, currency: 'USD', billed: '1.01', costCenter: 'A', ledger: null },
  {
    tags: { 'user:CostCenter': 'C', ledger_account: '6100' },
    currency: 'USD',
    billed: '300.003',
    costCenter: 'C',
    ledger: '6100',
  },
  // Two aliases with one value: not a conflict.
  {
    tags: { CostCenter: 'B', cost_center: 'B' },
    currency: 'USD',
    billed: '5.5',
    costCenter: 'B',
    ledger: null,
  },
  // Two aliases that disagree: the first in reading order (cost-center) wins; counted as a conflict.
  {
    tags: { 'cost-center': 'C', 'user:CostCenter': 'A' },
    currency: 'USD',
    billed: '7.25',
    costCenter: 'C',
    ledger: null,
  },
  { tags: { team: 'x' }, currency: 'USD', billed: '2', costCenter: null, ledger: null },
  { tags: { cost_center: 'A' }, currency: 'JPY', billed: '1000', costCenter: 'A', ledger: null },
]

/** The billing period of the rows. */
export const TAGGED_PERIOD = '2024-09'

/** Writes TAGGED_ROWS as a FOCUS 1.0 CSV with the demo's header, other columns from its first row. */
export function writeTaggedFile(dir = tempDir()): string {
  const demo = join(ROOT, 'resources/demo/focus-sample.csv')
  const [header = [], base = []] = parseCsv(readFileSync(demo, 'utf8'))
  const cell = (value: string): string =>
    value === 'NULL' ? value : `"${value.replaceAll('"', '""')}"`
  const lines = TAGGED_ROWS.map((row, i) => {
    const values = [...base]
    const set = (column: string, value: string): void => {
      values[header.indexOf(column)] = value
    }
    set('BillingCurrency', row.currency)
    set('BilledCost', row.billed)
    set('EffectiveCost', row.billed)
    set('ChargeCategory', 'Usage')
    set('Id', `tagged-${i + 1}`)
    set('Tags', JSON.stringify(row.tags))
    return values.map(cell).join(',')
  })
  const path = join(dir, 'cost-centers.csv')
  writeFileSync(path, [header.map(cell).join(','), ...lines].join('\n') + '\n')
  return path
}

/** Exact BilledCost per currency and value of `pick` (null: no value), from the hand-written rows. */
export function expectedSums(
  pick: (row: TaggedRow) => string | null,
  rows: readonly TaggedRow[] = TAGGED_ROWS,
): Record<string, { billed: string; rows: number }> {
  const groups: Record<string, string[]> = {}
  for (const row of rows)
    (groups[`${row.currency}|${pick(row) ?? '(none)'}`] ??= []).push(row.billed)
  return Object.fromEntries(
    Object.entries(groups).map(([k, v]) => [k, { billed: sumDecimals(v), rows: v.length }]),
  )
}
