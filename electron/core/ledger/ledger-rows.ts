/**
 * Turns the rows of the ledger query (ledger-sql.ts ledgerSql, one `kind` per row) into the
 * ledger's currencies: totals, movers with their drivers and explanations, the rest, the days.
 */
import type { LedgerCurrency, LedgerExplanation } from '../../../shared/contract/ledger'
import { change, type Change } from '../../../shared/ledger/change'
import { toScaled } from '../../../shared/money'
import { valueKey } from './explanations'
import { DRIVER_COLUMNS } from './ledger-sql'

const text = (v: unknown): string | null => (v == null ? null : String(v))

const size = (delta: string): bigint => {
  const v = toScaled(delta)
  return v < 0n ? -v : v
}

/** Largest change first, then by value (no value last), as the query ranks. */
function byChange(
  a: { value: string | null } & Change,
  b: { value: string | null } & Change,
): number {
  const d = size(b.delta) - size(a.delta)
  if (d !== 0n) return d > 0n ? 1 : -1
  if (a.value === b.value) return 0
  if (a.value === null) return 1
  if (b.value === null) return -1
  return a.value < b.value ? -1 : 1
}

/** The currencies of the ledger, in the query's order; `flag` says whether a mover needs a sign-off. */
export function ledgerCurrencies(
  rows: ReadonlyArray<Record<string, unknown>>,
  explanations: ReadonlyMap<string, LedgerExplanation>,
  flag: (figures: Change, explanation: LedgerExplanation | null) => boolean,
): LedgerCurrency[] {
  const currencies = new Map<string | null, LedgerCurrency>()
  const of = (c: unknown): LedgerCurrency => {
    const currency = text(c)
    let entry = currencies.get(currency)
    if (!entry) {
      const zero = change('0', '0')
      entry = { currency, ...zero, days: [], movers: [], rest: { values: 0, ...zero } }
      currencies.set(currency, entry)
    }
    return entry
  }
  const drivers: Array<Record<string, unknown>> = []
  for (const r of rows) {
    const entry = of(r.c)
    if (r.kind === 'driver') {
      drivers.push(r)
      continue
    }
    if (r.kind === 'day') {
      entry.days.push({ day: String(r.k), cost: change(String(r.tw), '0').thisWeek })
      continue
    }
    const figures = change(String(r.tw), String(r.lw))
    if (r.kind === 'total') Object.assign(entry, figures)
    else if (r.kind === 'rest') entry.rest = { values: Number(r.n), ...figures }
    else {
      const value = text(r.v)
      const explanation = explanations.get(valueKey(value)) ?? null
      entry.movers.push({
        value,
        ...figures,
        drivers: [],
        explanation,
        needsSignOff: flag(figures, explanation),
      })
    }
  }
  for (const r of drivers) {
    const mover = of(r.c).movers.find((m) => m.value === text(r.v))
    if (!mover) continue
    const column = String(r.col)
    let group = mover.drivers.find((d) => d.column === column)
    if (!group) mover.drivers.push((group = { column, items: [] }))
    group.items.push({ value: text(r.k), ...change(String(r.tw), String(r.lw)) })
  }
  const order = (column: string): number =>
    DRIVER_COLUMNS.indexOf(column as (typeof DRIVER_COLUMNS)[number])
  for (const c of currencies.values())
    for (const m of c.movers) {
      m.drivers.sort((a, b) => order(a.column) - order(b.column))
      for (const d of m.drivers) d.items.sort(byChange)
    }
  return [...currencies.values()]
}
