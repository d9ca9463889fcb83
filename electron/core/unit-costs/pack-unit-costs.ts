/**
 * The unit-cost section of a showback pack, when asked (issue 13, Unit economics: "in the
 * showback pack when asked"): `<pack>-unit-costs.csv` beside the pack's other files, listed
 * in its manifest. Per day of the month and for the month, per currency: the pack's cost
 * metric over all of the month's rows (charged that day, ChargePeriodStart UTC), the business
 * metric's units and the exact cost per unit; a day without a metric value leaves units and
 * cost per unit empty (a gap, never zero).
 */
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { UnitCostRequest, UnitCostSeries } from '../../../shared/contract/unit-costs'
import { csvField } from '../report/csv'
import { sha256File } from '../ingest/hash'
import type { Workspace } from '../workspace/workspace'
import { unitCostSeries } from './unit-cost'

/** Which business metric a pack divides its cost by: a metric and, optionally, one dimension value. */
export interface PackUnitMetric {
  readonly metric: string
  readonly dimension?: string | null
}

/** The file written, described as the pack describes its files. */
export interface PackUnitCostFile {
  readonly path: string
  readonly kind: 'unit-cost-csv'
  readonly bytes: number
  readonly sha256: string
}

function nextMonth(period: string): string {
  const [y = 0, m = 0] = period.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** The CSV text of a month's day series followed by its month series. */
export function unitCostCsv(days: UnitCostSeries, month: UnitCostSeries): string {
  const header = [
    'grain',
    'period',
    'currency',
    days.costMetric,
    `${days.metric} units`,
    `${days.costMetric} per ${days.metric}`,
  ]
  const lines = [header.map((h) => csvField(h)).join(',')]
  for (const series of [days, month]) {
    const units = new Map(series.periods.map((p) => [p.period, p.units]))
    for (const p of series.points)
      lines.push(
        [series.grain, p.period, p.currency, p.cost, units.get(p.period) ?? null, p.costPerUnit]
          .map((v, i) => csvField(v, i < 3))
          .join(','),
      )
  }
  return lines.join('\r\n') + '\r\n'
}

/** Writes `<prefix>-unit-costs.csv` into `outDir` for `period` (YYYY-MM) and returns it described. */
export async function writePackUnitCosts(
  ws: Workspace,
  options: {
    readonly period: string
    readonly costMetric: UnitCostRequest['costMetric']
    readonly unit: PackUnitMetric
    readonly outDir: string
    readonly prefix: string
  },
): Promise<PackUnitCostFile> {
  const request: UnitCostRequest = {
    metric: options.unit.metric,
    ...(options.unit.dimension === undefined ? {} : { dimension: options.unit.dimension }),
    costMetric: options.costMetric,
    grain: 'day',
    dateRange: { start: `${options.period}-01`, end: nextMonth(options.period) },
    filters: [],
  }
  const days = await unitCostSeries(ws, request)
  const month = await unitCostSeries(ws, { ...request, grain: 'month' })
  const path = `${options.prefix}-unit-costs.csv`
  const full = join(options.outDir, path)
  await writeFile(full, unitCostCsv(days, month))
  const [info, sha256] = await Promise.all([stat(full), sha256File(full)])
  return { path, kind: 'unit-cost-csv', bytes: info.size, sha256 }
}
