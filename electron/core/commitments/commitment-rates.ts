/**
 * Commitment utilization, coverage and savings of one billing period (issue 13,
 * "Commitments and rates"), per CommitmentDiscountId and per currency, from the FOCUS
 * columns; and the Contract Commitment dataset's terms with their expiries. Sums come
 * from DuckDB as exact decimals (commitment-rates-sql.ts); ratios are divided here
 * exactly. What each figure means: shared/commitments/commitment-definitions.ts.
 */
import type {
  CommitmentRate,
  CommitmentRates,
  CommitmentRatesRequest,
  CommitmentTotals,
} from '../../../shared/contract'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import { divideDecimals } from '../../../shared/pivot/table-measures'
import type { Workspace } from '../workspace/workspace'
import {
  COMMITMENT_RATES_SQL,
  COMMITMENT_TOTALS_SQL,
  LAST_CHARGE_DAY_SQL,
  RATE_PERIODS_SQL,
} from './commitment-rates-sql'
import { commitmentTerms } from './commitment-terms'
import { listCommitments } from './list-commitments'

type Row = Record<string, unknown>

const text = (v: unknown): string | null => (v == null ? null : String(v))
const money = (v: unknown): string => normalizeDecimal(String(v ?? '0'))
const n = (v: unknown): number => Number(v ?? 0)
/** A sum over rows that must all hold the column: null when any lacks it. */
const whole = (value: unknown, rows: unknown, withValue: unknown): string | null =>
  n(rows) === n(withValue) ? money(value) : null

/** ContractedCost − EffectiveCost of covered usage; null when a covered row lacks ContractedCost. */
function savingsAgainst(
  contracted: unknown,
  rows: unknown,
  withValue: unknown,
  used: string,
): string | null {
  const total = whole(contracted, rows, withValue)
  return total === null ? null : subtractDecimals(total, used)
}

/** Reads the figures of `request.period` (the latest when null) and the expiries as of `request.asOf`. */
export async function readCommitmentRates(
  ws: Workspace,
  request: CommitmentRatesRequest,
): Promise<CommitmentRates> {
  const connection = await ws.reader()
  let periods: string[]
  let rates: Row[] = []
  let totals: Row[] = []
  let lastDay: string | null
  try {
    periods = (await ws.all(RATE_PERIODS_SQL, [], connection)).map((r) => String(r.period))
    const [last] = await ws.all(LAST_CHARGE_DAY_SQL, [], connection)
    lastDay = text(last?.day)
    const period = request.period ?? periods[0] ?? null
    if (period) {
      rates = await ws.all(COMMITMENT_RATES_SQL, [period], connection)
      totals = await ws.all(COMMITMENT_TOTALS_SQL, [period], connection)
    }
  } finally {
    connection.closeSync()
  }
  const period = request.period ?? periods[0] ?? null
  const asOf = request.asOf ?? lastDay ?? new Date().toISOString().slice(0, 10)
  const contracts = await listCommitments(ws)
  const terms = commitmentTerms(contracts.commitments, asOf)
  const byId = new Map(terms.map((t) => [t.id, t]))
  return {
    period,
    periods,
    totals: totals.map(totalOf),
    commitments: rates.map((r) => {
      const rate = rateOf(r)
      const term = byId.get(rate.id)
      return term
        ? { ...rate, contract: { start: term.start, end: term.end, term: term.term } }
        : rate
    }),
    asOf,
    contractsImported: contracts.commitments.length > 0,
    terms,
  }
}

/** One commitment's figures from its sums. */
function rateOf(r: Row): CommitmentRate {
  const used = money(r.used)
  const unused = money(r.unused)
  const committed = sumDecimals([used, unused])
  const usedList = whole(r.used_list, r.used_rows, r.used_list_rows)
  const oneUnit = n(r.units) === 1 && n(r.quantity_rows) === n(r.committed_rows)
  const usedQuantity = money(r.used_quantity)
  return {
    id: String(r.id),
    currency: text(r.currency),
    type: text(r.type),
    category: text(r.category),
    committed,
    used,
    unused,
    utilization: divideDecimals(used, committed),
    quantityUtilization: oneUnit
      ? divideDecimals(usedQuantity, sumDecimals([usedQuantity, money(r.unused_quantity)]))
      : null,
    quantityUnit: oneUnit ? text(r.unit) : null,
    savings: usedList === null ? null : subtractDecimals(usedList, used),
    commitmentSavings: savingsAgainst(r.used_contracted, r.used_rows, r.used_contracted_rows, used),
    effectiveSavingsRate:
      usedList === null ? null : divideDecimals(subtractDecimals(usedList, committed), usedList),
    purchasesBilled: money(r.purchases),
    contract: null,
  }
}

/** A currency's totals from its sums. */
function totalOf(r: Row): CommitmentTotals {
  const used = money(r.used)
  const unused = money(r.unused)
  const committed = sumDecimals([used, unused])
  const coveredList = whole(r.covered_list, r.covered_rows, r.covered_list_rows)
  const eligibleList = whole(r.eligible_list, r.eligible_rows, r.eligible_list_rows)
  const usageList = whole(r.usage_list, r.usage_rows, r.usage_list_rows)
  const eligibleEffective = money(r.eligible_effective)
  const usageEffective = money(r.usage_effective)
  return {
    currency: text(r.currency),
    committed,
    used,
    unused,
    utilization: divideDecimals(used, committed),
    coverage: eligibleList === null ? null : divideDecimals(coveredList, eligibleList),
    coverageEffective: divideDecimals(used, eligibleEffective),
    eligibleList,
    coveredList,
    eligibleEffective,
    coveredEffective: used,
    savings: coveredList === null ? null : subtractDecimals(coveredList, used),
    commitmentSavings: savingsAgainst(
      r.covered_contracted,
      r.covered_rows,
      r.covered_contracted_rows,
      used,
    ),
    effectiveSavingsRate:
      usageList === null
        ? null
        : divideDecimals(subtractDecimals(usageList, usageEffective), usageList),
    usageList,
    usageEffective,
    purchasesBilled: money(r.purchases),
  }
}
