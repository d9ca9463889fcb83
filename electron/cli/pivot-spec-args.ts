/**
 * Turns `focal pivot` options into a PivotSpec (shared/pivot), or the usage mistake in words,
 * naming the flag. The spec is checked by the same schema the screen and saved views use.
 */
import {
  DEFAULT_PIVOT,
  MeasureSpecSchema,
  parseDimension,
  PivotSpecSchema,
  TIME_GRAINS,
  type Axis,
  type Filter,
  type MeasureSpec,
  type PivotSpec,
} from '../../shared/pivot'
import { conditionsFromArgs, type ConditionArgs } from './pivot-condition-args'

/** The options of `focal pivot` that shape the spec. */
export interface PivotArgs extends ConditionArgs {
  rows?: string
  columns?: string
  measure?: string
  filter: readonly string[]
  exclude: readonly string[]
  from?: string
  to?: string
  grain?: string
  basis?: string
  top?: string
  sort?: string
  totals: boolean
}

/** The spec the options describe, or the mistake (a sentence naming the flag). */
export function pivotSpecFromArgs(args: PivotArgs): PivotSpec | string {
  if (!args.rows) return '--rows is required: one or two dimensions, e.g. --rows ServiceName.'
  const rows = args.rows.split(',').map((d) => parseDimension(d.trim()))
  if (rows.length > 2 || rows.some(empty))
    return `--rows takes one or two dimensions (a column or tag:<key>), not "${args.rows}".`
  if (args.grain !== undefined && !TIME_GRAINS.includes(args.grain as never))
    return `--grain takes day, week, month or quarter, not "${args.grain}".`
  let grain = (args.grain ?? 'none') as PivotSpec['timeGrain']
  let columns: Axis | null = null
  if (args.columns !== undefined) {
    const c = args.columns.trim()
    if (c === 'time' || TIME_GRAINS.includes(c as never)) {
      if (c !== 'time') {
        if (args.grain !== undefined && args.grain !== c)
          return `--columns ${c} and --grain ${args.grain} disagree; give one.`
        grain = c as PivotSpec['timeGrain']
      }
      if (grain === 'none') return '--columns time needs --grain day, week, month or quarter.'
      columns = { kind: 'time' }
    } else {
      const d = parseDimension(c)
      if (empty(d) || c.includes(','))
        return `--columns takes one dimension, a time grain or "time", not "${c}".`
      columns = d
    }
  }
  const measures: MeasureSpec[] = []
  for (const text of (args.measure ?? 'BilledCost').split(/,(?![^(]*\))/)) {
    const m = parseMeasure(text.trim())
    if (typeof m === 'string') return `--measure: ${m}`
    measures.push(m)
  }
  const filters: Filter[] = []
  for (const [flag, list, op] of [
    ['--filter', args.filter, 'in'],
    ['--exclude', args.exclude, 'notIn'],
  ] as const) {
    for (const text of list) {
      const at = text.indexOf('=')
      if (at <= 0) return `${flag} takes '<dim>=<value>[,<value>]', not "${text}".`
      const values = text
        .slice(at + 1)
        .split(',')
        .map((v) => (v === '(none)' ? null : v))
      filters.push({ dimension: parseDimension(text.slice(0, at).trim()), op, values })
    }
  }
  const conditions = conditionsFromArgs(args)
  if (typeof conditions === 'string') return conditions
  for (const [flag, value] of [
    ['--from', args.from],
    ['--to', args.to],
  ] as const)
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${flag} takes a date YYYY-MM-DD, not "${value}".`
  if (args.basis !== undefined && args.basis !== 'charge' && args.basis !== 'billing')
    return `--basis takes charge or billing, not "${args.basis}".`
  const top = args.top === undefined ? null : Number(args.top)
  if (top !== null && !(Number.isInteger(top) && top >= 1 && top <= 10_000))
    return `--top takes a whole number from 1 to 10000, not "${args.top}".`
  let sort: PivotSpec['sort'] = null
  if (args.sort !== undefined) {
    const [by = '', direction = 'desc'] = args.sort.split(/:(?=(?:asc|desc)$)/)
    sort = { by, direction: direction as 'asc' | 'desc' }
  }
  const spec = PivotSpecSchema.safeParse({
    ...DEFAULT_PIVOT,
    rows,
    measure: measures.find((m) => m.measure === 'RowCount')
      ? 'RowCount'
      : (['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost', 'ConsumedQuantity'].find(
          (name) => measures.some((m) => m.measure === name),
        ) ?? DEFAULT_PIVOT.measure),
    timeGrain: grain,
    dateRange: args.from || args.to ? { start: args.from ?? null, end: args.to ?? null } : null,
    filters,
    ...(conditions.length > 0 ? { conditions } : {}),
    topN: top,
    dateBasis: (args.basis ?? 'charge') as PivotSpec['dateBasis'],
    columns,
    measures,
    sort,
    totals: args.totals,
  })
  if (!spec.success) return `the options do not make a pivot: ${spec.error.issues[0]?.message}.`
  return spec.data
}

function empty(d: ReturnType<typeof parseDimension>): boolean {
  return d.kind === 'column' ? d.name === '' : d.key === ''
}

/**
 * A measure as typed: BilledCost, DistinctCount(SubAccountId), UnitCost(BilledCost/PricingQuantity),
 * PercentOfTotal(EffectiveCost), ChangeVsPrevious(BilledCost)…
 */
function parseMeasure(text: string): MeasureSpec | string {
  const match = /^(\w+)(?:\((.*)\))?$/.exec(text)
  if (!match) return `"${text}" is not a measure.`
  const [, measure = '', argument] = match
  const spec: Record<string, string> = { measure }
  if (argument !== undefined) {
    if (measure === 'DistinctCount') spec.column = argument
    else if (measure === 'UnitCost') {
      const [of = '', per] = argument.split('/')
      spec.of = of
      if (per) spec.per = per
    } else spec.of = argument
  }
  if (measure === 'DistinctCount' && !spec.column)
    return 'DistinctCount needs the column it counts, e.g. DistinctCount(SubAccountId).'
  const parsed = MeasureSpecSchema.safeParse(spec)
  return parsed.success
    ? parsed.data
    : `"${text}" is not a measure (BilledCost, EffectiveCost, ListCost, ContractedCost, ConsumedQuantity, PricingQuantity, RowCount, DistinctCount(<column>), UnitCost, Savings, EffectiveSavingsRate, PercentOfTotal, ChangeVsPrevious, ChangePercentVsPrevious).`
}
