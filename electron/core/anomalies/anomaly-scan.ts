/**
 * The anomaly scan (issue 12, Anomalies): daily cost per series and currency, scored against a
 * baseline a person can follow (shared/anomalies ANOMALY_METHOD), each anomaly with its band,
 * its drivers and the state a person gave it (kept across re-scans by its key).
 */
import {
  ANOMALY_METHOD,
  DEFAULT_SERIES_BY,
  HISTORY_DAYS,
  SUSTAINED_DAYS,
  addDays,
  anomalyKeyText,
  type AnomalyMetric,
  type AnomalySettings,
  type AnomalyState,
} from '../../../shared/anomalies'
import { fail, type Anomaly, type AnomalyScan, type AnomalySeries } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { dimensionLabel, parseDimension, type Dimension } from '../../../shared/pivot'
import { PivotSpecError, whereContext } from '../../../shared/sql/pivot-where-sql'
import { focusColumnNames } from '../query/catalog'
import { hasInvalidTags } from '../query/pivot'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { anomaliesSql, driversSql, seriesSql, type ScanSqlSpec } from './anomaly-sql'
import { NEW_STATE, readSettings, readStates } from './anomaly-states'

/** Most anomalies one scan returns (newest first); the drivers are read for these only. */
export const SCAN_LIMIT = 500

/** Days a scan covers when no start is given. */
export const DEFAULT_SCAN_DAYS = 30

/** What a scan is asked for; every field has a default. */
export interface ScanOptions {
  readonly from?: string
  readonly to?: string
  readonly by?: readonly [string, string]
  readonly metric?: AnomalyMetric
  readonly minAmount?: string
  readonly sensitivity?: number
  /** Only anomalies in these states. */
  readonly states?: readonly AnomalyState[]
  /** Most anomalies returned (SCAN_LIMIT unless said; the bench reads them all). */
  readonly limit?: number
  /** Read each anomaly's drivers (true unless said). */
  readonly drivers?: boolean
}

/** Scans [from, to] (default: the last 30 days with data) for anomalies. */
export async function scanAnomalies(
  ws: Workspace,
  options: ScanOptions = {},
): Promise<AnomalyScan> {
  const stored = await readSettings(ws)
  const settings: AnomalySettings = {
    minAmount: options.minAmount ?? stored.minAmount,
    sensitivity: options.sensitivity ?? stored.sensitivity,
  }
  const by = options.by ?? DEFAULT_SERIES_BY
  const dims = [parseDimension(by[0]), parseDimension(by[1])] as const
  const labels: [string, string] = [dimensionLabel(dims[0]), dimensionLabel(dims[1])]
  const metric = options.metric ?? 'BilledCost'
  const range = await scanRange(ws, options)
  const empty = { by: labels, metric, settings, method: ANOMALY_METHOD, truncated: false }
  if (!range) return { ...empty, from: null, to: null, anomalies: [] }
  const spec: ScanSqlSpec = {
    by: dims,
    metric,
    historyFrom: addDays(range.from, -HISTORY_DAYS),
    ...range,
  }
  const context = await contextFor(ws, dims)
  const sql = compile(() => anomaliesSql(context, spec, settings))
  const rows = await ws.all(sql, context.params)
  const states = await readStates(ws, labels)
  const wanted = options.states ? new Set(options.states) : null
  const found = rows
    .map((r): Anomaly => {
      const key = {
        by: labels,
        values: [text(r.d0), text(r.d1)] as [string | null, string | null],
        currency: text(r.cur),
        day: String(r.day),
      }
      return {
        key,
        through: String(r.through),
        days: Number(r.days),
        kind: Number(r.days) >= SUSTAINED_DAYS ? 'sustained' : 'spike',
        direction: r.direction === 'up' ? 'up' : 'down',
        actual: money(r.actual),
        expected: money(r.expected),
        deviation: money(r.deviation),
        score: Math.round(Number(r.score) * 100) / 100,
        lower: money(r.lower),
        upper: money(r.upper),
        excess: money(r.excess),
        drivers: [],
        state: states.get(anomalyKeyText(key)) ?? NEW_STATE,
      }
    })
    .filter((a) => !wanted || wanted.has(a.state.state))
  const anomalies = found.slice(0, options.limit ?? SCAN_LIMIT)
  if (options.drivers !== false) await addDrivers(ws, dims, metric, anomalies)
  return { ...empty, ...range, anomalies, truncated: found.length > anomalies.length }
}

/** One series' days over [from, to] with expected and the band, for its chart. */
export async function anomalySeries(
  ws: Workspace,
  request: {
    by: readonly [string, string]
    values: readonly [string | null, string | null]
    currency: string | null
    from: string
    to: string
    metric?: AnomalyMetric
  },
): Promise<AnomalySeries> {
  const { sensitivity } = await readSettings(ws)
  const dims = [parseDimension(request.by[0]), parseDimension(request.by[1])] as const
  const context = await contextFor(ws, dims)
  const spec: ScanSqlSpec = {
    by: dims,
    metric: request.metric ?? 'BilledCost',
    historyFrom: addDays(request.from, -HISTORY_DAYS),
    from: request.from,
    to: request.to,
    only: { values: request.values, currency: request.currency },
  }
  const rows = await ws.all(
    compile(() => seriesSql(context, spec, sensitivity)),
    context.params,
  )
  return {
    sensitivity,
    points: rows.map((r) => ({
      day: String(r.day),
      actual: money(r.actual),
      expected: r.expected == null ? null : money(r.expected),
      lower: r.lower == null ? null : money(r.lower),
      upper: r.upper == null ? null : money(r.upper),
    })),
  }
}

async function addDrivers(
  ws: Workspace,
  dims: readonly [Dimension, Dimension],
  metric: string,
  anomalies: Anomaly[],
): Promise<void> {
  if (anomalies.length === 0) return
  const context = await contextFor(ws, dims)
  const targets = anomalies.map((a) => ({
    values: a.key.values,
    currency: a.key.currency,
    day: a.key.day,
  }))
  const rows = await ws.all(
    compile(() => driversSql(context, { by: dims, metric }, targets)),
    context.params,
  )
  for (const r of rows) {
    const anomaly = anomalies[Number(r.i)]
    if (!anomaly) continue
    ;(anomaly.drivers as Anomaly['drivers'][number][]).push({
      resourceId: text(r.resource),
      skuId: text(r.sku),
      actual: money(r.actual),
      expected: money(r.expected),
      change: money(r.change),
    })
  }
}

/** [from, to] asked for, or the last DEFAULT_SCAN_DAYS days up to the last day with data. */
async function scanRange(
  ws: Workspace,
  options: ScanOptions,
): Promise<{ from: string; to: string } | null> {
  let to = options.to
  if (!to) {
    const [row] = await ws.all(
      "SELECT strftime(max(CAST(ChargePeriodStart AS DATE)), '%Y-%m-%d') AS last FROM focus",
    )
    if (row?.last == null) return null
    to = String(row.last)
  }
  const from = options.from ?? addDays(to, 1 - DEFAULT_SCAN_DAYS)
  if (from > to) fail('BAD_VALUE', `The scan starts (${from}) after it ends (${to}): swap them.`)
  return { from, to }
}

async function contextFor(ws: Workspace, dims: readonly [Dimension, Dimension]) {
  const columns = await focusColumnNames(ws)
  const usesTags = dims.some((d) => d.kind === 'tag')
  return whereContext(columns, {
    guardJson: await hasInvalidTags(ws, ws.writer),
    tags: usesTags ? await loadTagResolver(ws) : undefined,
  })
}

function compile(build: () => string): string {
  try {
    return build()
  } catch (cause) {
    if (cause instanceof PivotSpecError)
      fail(
        'BAD_VALUE',
        `${cause.message} Pick a column of the data or tag:<key> to group series by.`,
      )
    throw cause
  }
}

const text = (value: unknown): string | null => (value == null ? null : String(value))
const money = (value: unknown): string => normalizeDecimal(String(value))
