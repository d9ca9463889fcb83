/**
 * The cost per unit over time (issue 13, Unit economics): the cost of a slice of the data,
 * filtered exactly as Explore filters it (pivot-where-sql.ts), divided by one business
 * metric's units, per bucket and per currency; or the cost an allocation target receives
 * (target-cost.ts). A bucket without a metric value has no units and no cost per unit (a
 * gap, never zero); the cost itself is always shown, so a gap still says what was spent. Cost is read on ChargePeriodStart, the date a metric's day matches.
 */
import { fail } from '../../../shared/contract'
import type { UnitCostRequest, UnitCostSeries } from '../../../shared/contract/unit-costs'
import { normalizeDecimal } from '../../../shared/money'
import { divideDecimals } from '../../../shared/pivot/table-measures'
import {
  PivotSpecError,
  specReadsTags,
  whereContext,
  whereSql,
} from '../../../shared/sql/pivot-where-sql'
import { bucketRange } from '../../../shared/unit-costs/periods'
import { hasInvalidTags } from '../query/pivot'
import { focusColumns } from '../rows/rows-page'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { targetCost, type TargetAllocation, type TargetCostRow } from './target-cost'
import { costSideSql, unitSideSql } from './unit-costs-sql'

/** Runs `request` on a reader connection of its own. */
export async function unitCostSeries(
  ws: Workspace,
  request: UnitCostRequest,
): Promise<UnitCostSeries> {
  const connection = await ws.reader()
  try {
    const [known] = await ws.all(
      'SELECT count(*)::INT AS n FROM metric_values WHERE metric = $1',
      [request.metric],
      connection,
    )
    if (Number(known?.n ?? 0) === 0)
      fail('NOT_FOUND', `No metric named ${request.metric} is imported.`, {
        hint: 'Import it with focal metrics import <file.csv> (date,metric,value[,dimension]), or pick one of focal metrics list.',
      })
    const columns = new Set((await focusColumns(ws, connection)).map((c) => c.name))
    if (request.target !== undefined) {
      const { rows, allocation } = await targetCost(ws, { ...request, target: request.target })
      return assemble(request, rows, await unitRows(ws, request, columns, connection), allocation)
    }
    const slice = { rows: [], filters: request.filters, conditions: request.conditions ?? [] }
    const context = whereContext(columns, {
      guardJson: await hasInvalidTags(ws, connection),
      ...(specReadsTags(slice) ? { tags: await loadTagResolver(ws, connection) } : {}),
    })
    let where: string[]
    try {
      where = whereSql(context, { ...slice, dateRange: request.dateRange, dateBasis: 'charge' })
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    const costRows = await ws.all(
      costSideSql(request.grain, request.costMetric, where),
      [...context.params],
      connection,
    )
    return assemble(request, costRows, await unitRows(ws, request, columns, connection))
  } finally {
    connection.closeSync()
  }
}

type Row = Record<string, unknown>

async function unitRows(
  ws: Workspace,
  request: UnitCostRequest,
  columns: ReadonlySet<string>,
  connection: Awaited<ReturnType<Workspace['reader']>>,
): Promise<Row[]> {
  const context = whereContext(columns)
  const dimension = request.dimension === null ? '' : request.dimension
  return ws.all(
    unitSideSql(context, request.grain, request.metric, dimension, request.dateRange),
    [...context.params],
    connection,
  )
}

function directOf(
  row: Row | TargetCostRow | undefined,
): NonNullable<UnitCostSeries['points'][number]['direct']> {
  const target = row as TargetCostRow | undefined
  const keys = target?.directKeys
  return {
    cost: target ? target.directCost : '0',
    rows: target?.directRows ?? 0,
    keys:
      target && target.directRows > 0 && keys?.size === 0
        ? null
        : [...(keys ?? new Map<number, readonly number[]>())]
            .sort(([a], [b]) => a - b)
            .map(([importId, rows]) => ({ importId, sourceRows: [...rows].sort((a, b) => a - b) })),
  }
}

function assemble(
  request: UnitCostRequest,
  costRows: ReadonlyArray<Row | TargetCostRow>,
  unitRows: Row[],
  allocation?: TargetAllocation,
): UnitCostSeries {
  const units = new Map(unitRows.map((r) => [String(r.period), r]))
  const cost = new Map(costRows.map((r) => [`${String(r.period)}|${String(r.currency)}`, r]))
  const currencies = [...new Set(costRows.map((r) => String(r.currency)))].sort()
  const labels = [...units.keys(), ...costRows.map((r) => String(r.period))].sort()
  const periods =
    labels.length === 0
      ? []
      : bucketRange(request.grain, labels[0] ?? '', labels[labels.length - 1] ?? '')
  const unitsOf = (period: string): string | null => {
    const row = units.get(period)
    return row ? normalizeDecimal(String(row.units)) : null
  }
  return {
    ...(allocation ? { allocation } : {}),
    metric: request.metric,
    ...(request.dimension === undefined ? {} : { dimension: request.dimension }),
    costMetric: request.costMetric,
    grain: request.grain,
    currencies,
    periods: periods.map((period) => ({
      period,
      units: unitsOf(period),
      metricDays: Number(units.get(period)?.days ?? 0),
    })),
    points: periods.flatMap((period) =>
      currencies.map((currency) => {
        const row = cost.get(`${period}|${currency}`)
        const spent = row ? normalizeDecimal(String(row.cost)) : '0'
        return {
          period,
          currency,
          cost: spent,
          costRows: Number(row?.n ?? 0),
          costPerUnit: divideDecimals(spent, unitsOf(period)),
          ...(allocation ? { direct: directOf(row) } : {}),
        }
      }),
    ),
  }
}
