/**
 * `focal metrics import|list|unit-cost`: business metrics (orders, active users, requests)
 * and the cost per unit of a slice of cost over time (electron/core/unit-costs). The slice
 * is written with `focal pivot`'s own filter and condition flags, so it is Explore's.
 */
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, resolve } from 'node:path'
import { fail } from '../../shared/contract'
import {
  UnitCostRequestSchema,
  type UnitCostRequest,
  type UnitCostSeries,
} from '../../shared/contract/unit-costs'
import { formatMoney } from '../../shared/money'
import { formatUnitCost } from '../../shared/unit-costs/format'
import { importMetrics, listMetrics } from '../core/unit-costs/metrics'
import { unitCostSeries } from '../core/unit-costs/unit-cost'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import {
  CONDITION_HELP,
  CONDITION_OPTIONS,
  conditionsFromArgs,
  type ConditionArgs,
} from './pivot-condition-args'
import { sliceFiltersFromArgs } from './slice-args'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const METRICS_HELP = `focal metrics import <file.csv> -w <workspace.focal> [--json]
      Import business metrics: a CSV with date (YYYY-MM-DD), metric, value (a decimal of
      zero or more) and optionally dimension (a product, a tenant). Every row is checked
      first; a bad row stores nothing. A value for a date, metric and dimension already
      stored is replaced, and the import says how many were.
  focal metrics list -w <workspace.focal> [--json]
      List the metrics stored (per dimension value, with their first and last date) and
      the files imported.
  focal metrics unit-cost -w <workspace.focal> --metric <name> [--dimension <value>]
      [--cost billed|effective] [--grain day|week|month] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--period YYYY-MM] [--filter '<dim>=<value>[,<value>]'] [--exclude '<dim>=<value>']
      [--target <name>] [--json]
      The cost per unit over time: the cost (BilledCost by default) of the rows the filters
      keep, per bucket of ChargePeriodStart and currency, divided by the metric's units in
      the bucket (every dimension value summed unless --dimension). A bucket without a
      metric value is a gap (—), never zero. <dim> is a column or tag:<key>. --target
      reads instead the cost an allocation target of the saved rules receives (focal
      allocate --save): its direct cost plus its shares of the pools, as the chargeback
      pack charges it; it takes no --filter, --exclude or condition.
      ${CONDITION_HELP}`

const COSTS = { billed: 'BilledCost', effective: 'EffectiveCost' } as const

function usage(message: string): number {
  return usageError(message, METRICS_HELP)
}

/** Runs `focal metrics …`; `argv` is everything after `metrics`. Exit 0, 1 refused, 2 usage. */
export async function runMetricsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      ...CONDITION_OPTIONS,
      metric: { type: 'string' },
      dimension: { type: 'string' },
      cost: { type: 'string', default: 'billed' },
      grain: { type: 'string', default: 'day' },
      from: { type: 'string' },
      to: { type: 'string' },
      filter: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      target: { type: 'string' },
      period: { type: 'string' },
    },
    METRICS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  if (action !== 'import' && action !== 'list' && action !== 'unit-cost')
    return usage(
      action
        ? `Unknown metrics action ${action}; use import, list or unit-cost.`
        : 'focal metrics needs import, list or unit-cost.',
    )
  if (!values.workspace) return usage(`focal metrics ${action} needs -w <workspace.focal>.`)
  if (action === 'import' && args.length !== 1)
    return usage('focal metrics import needs one metrics CSV file.')
  if (action !== 'import' && args.length > 0) return usage(`focal metrics ${action} takes no file.`)
  let request: UnitCostRequest | null = null
  if (action === 'unit-cost') {
    const built = unitCostRequestFromArgs(values)
    if (typeof built === 'string') return usage(built)
    request = built
  }
  const json = values.json
  try {
    const text =
      action === 'import'
        ? await runImport(values.workspace, args[0] ?? '', json)
        : action === 'list'
          ? await runList(values.workspace, json)
          : await runUnitCost(values.workspace, request as UnitCostRequest, json)
    console.log(text)
    return 0
  } catch (cause) {
    return refused(cause, json)
  }
}

/** The request the unit-cost options describe, or the mistake naming the flag. */
function unitCostRequestFromArgs(
  values: ConditionArgs & {
    metric?: string
    dimension?: string
    cost: string
    grain: string
    from?: string
    to?: string
    filter: string[]
    exclude: string[]
    target?: string
    period?: string
  },
): UnitCostRequest | string {
  if (!values.metric)
    return 'focal metrics unit-cost needs --metric <name> (see focal metrics list).'
  if (!Object.hasOwn(COSTS, values.cost))
    return `--cost takes billed or effective, not "${values.cost}".`
  if (!['day', 'week', 'month'].includes(values.grain))
    return `--grain takes day, week or month, not "${values.grain}".`
  for (const [flag, value] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${flag} takes a date YYYY-MM-DD, not "${value}".`
  let dateRange =
    values.from || values.to ? { start: values.from ?? null, end: values.to ?? null } : null
  if (values.period !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period))
      return `--period takes a month YYYY-MM, not "${values.period}".`
    if (dateRange) return '--period is a whole month: leave out --from and --to.'
    dateRange = { start: `${values.period}-01`, end: nextMonth(values.period) }
  }
  const filters = sliceFiltersFromArgs(values.filter, values.exclude)
  if (typeof filters === 'string') return filters
  const conditions = conditionsFromArgs(values)
  if (typeof conditions === 'string') return conditions
  if (values.target !== undefined && (filters.length > 0 || conditions.length > 0))
    return '--target and --filter, --exclude or a condition are two different slices: give one of them.'
  const parsed = UnitCostRequestSchema.safeParse({
    metric: values.metric,
    ...(values.dimension === undefined ? {} : { dimension: values.dimension }),
    costMetric: COSTS[values.cost as keyof typeof COSTS],
    grain: values.grain,
    dateRange,
    filters,
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(values.target === undefined ? {} : { target: values.target }),
  })
  if (!parsed.success) return `The options do not make a cost per unit: ${parsed.error.message}`
  return parsed.data
}

function nextMonth(period: string): string {
  const [y = 0, m = 0] = period.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

async function runImport(workspace: string, file: string, json: boolean): Promise<string> {
  const name = basename(file)
  let bytes: Buffer
  try {
    bytes = await readFile(resolve(file))
  } catch {
    return fail('IO_ERROR', `Cannot read the metrics file ${name}.`, {
      hint: 'Check the file name and that you may read it.',
    })
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const ws = await Workspace.open(resolve(workspace), { create: true })
  try {
    const result = await importMetrics(ws, bytes.toString('utf8'), name, sha256)
    if (json) return JSON.stringify({ ok: true, ...result }, null, 2)
    const replaced = result.replaced
      ? `; ${result.replaced} replaced values already stored for the same date, metric and dimension`
      : ''
    return `${name}: imported ${result.values} value${result.values === 1 ? '' : 's'}${replaced} (import ${result.importId}, SHA-256 ${sha256}).`
  } finally {
    await ws.close()
  }
}

async function runList(workspace: string, json: boolean): Promise<string> {
  const ws = await Workspace.open(resolve(workspace), { readOnly: true })
  try {
    const list = await listMetrics(ws)
    if (json) return JSON.stringify({ ok: true, ...list }, null, 2)
    if (list.imports.length === 0)
      return 'No business metrics imported (focal metrics import <file.csv>).'
    return [
      textTable(
        ['metric', 'dimension', 'values', 'first', 'last'],
        list.metrics.map((m) => [
          m.metric,
          m.dimension ?? '(all)',
          String(m.values),
          m.first,
          m.last,
        ]),
        new Set([2]),
      ),
      '',
      textTable(
        ['import', 'file', 'values', 'replaced', 'imported', 'by'],
        list.imports.map((i) => [
          String(i.id),
          i.fileName,
          String(i.values),
          String(i.replaced),
          i.importedAt,
          i.actor,
        ]),
        new Set([0, 2, 3]),
      ),
    ].join('\n')
  } finally {
    await ws.close()
  }
}

async function runUnitCost(
  workspace: string,
  request: UnitCostRequest,
  json: boolean,
): Promise<string> {
  const ws = await Workspace.open(resolve(workspace), { readOnly: true })
  try {
    const series = await unitCostSeries(ws, request)
    if (json) return JSON.stringify({ ok: true, ...series }, null, 2)
    return unitCostText(series)
  } finally {
    await ws.close()
  }
}

/** The series as a table: one line per bucket and currency, gaps as —. */
export function unitCostText(series: UnitCostSeries): string {
  const units = new Map(series.periods.map((p) => [p.period, p]))
  const title = `Cost per ${series.metric}${series.dimension ? ` (${series.dimension})` : ''}, ${series.costMetric} per ${series.grain} (ChargePeriodStart, UTC); — is a ${series.grain} without a metric value.`
  const allocation = series.allocation
  const source = allocation
    ? [
        `Cost of ${allocation.dimension} target ${allocation.target}: its direct cost plus its shares of the pools, by saved rule version ${allocation.ruleVersion}.`,
        ...allocation.totals.map(
          (t) =>
            `  ${t.period} ${t.currency}: allocated ${formatMoney(t.total, t.currency)} (direct ${formatMoney(t.direct, t.currency)}, shared ${formatMoney(t.shared, t.currency)}).`,
        ),
      ]
    : []
  if (series.points.length === 0) return [title, ...source, 'No cost in this slice.'].join('\n')
  return [
    title,
    ...source,
    textTable(
      ['period', 'currency', series.costMetric, series.metric, 'cost per unit'],
      series.points.map((p) => [
        p.period,
        p.currency,
        formatMoney(p.cost, p.currency),
        units.get(p.period)?.units ?? '—',
        formatUnitCost(p.costPerUnit, p.currency),
      ]),
      new Set([2, 3, 4]),
    ),
  ].join('\n')
}
