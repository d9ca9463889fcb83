/**
 * The anomaly scan in DuckDB (shared/anomalies has the rule in words and `baselineAt`): one
 * daily aggregate per series and currency, made dense (a day without rows costs 0), then
 * window functions over it. Identifiers come from the catalog and are quoted; every value a
 * person gives is bound. Money stays DECIMAL; only the score is a DOUBLE (a ratio to read).
 */
import {
  ABSOLUTE_FLOOR,
  BASELINE_WEEKS,
  DEVIATION_DAYS,
  MAD_SCALE,
  MIN_DEVIATION_DAYS,
  RELATIVE_FLOOR,
  RUN_GAP_DAYS,
} from '../../../shared/anomalies'
import { dimensionValueSql, type WhereContext } from '../../../shared/sql/pivot-where-sql'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Dimension } from '../../../shared/pivot'

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const ANOMALY_TABLES: readonly string[] = [
  // One row per anomaly a person changed: its key (shared/anomalies anomalyKeyText) and parts.
  `CREATE TABLE IF NOT EXISTS anomaly_states (
    anomaly_key VARCHAR PRIMARY KEY, by0 VARCHAR NOT NULL, by1 VARCHAR NOT NULL,
    value0 VARCHAR, value1 VARCHAR, currency VARCHAR, day DATE NOT NULL,
    state VARCHAR NOT NULL, note VARCHAR, owner VARCHAR, actor VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL)`,
  // minAmount and sensitivity, when a person set them.
  `CREATE TABLE IF NOT EXISTS anomaly_settings (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
]

/** What the scan SQL needs beyond the bound context. */
export interface ScanSqlSpec {
  readonly by: readonly [Dimension, Dimension]
  readonly metric: string
  /** First day read (history before the first scanned day), first scanned day, last scanned day. */
  readonly historyFrom: string
  readonly from: string
  readonly to: string
  /** Only this series (the chart), or every series. */
  readonly only?: { values: readonly [string | null, string | null]; currency: string | null }
}

/**
 * The `scored` CTE chain: per series (sid) and day number (dn, days since 1970-01-01 UTC) from
 * the history's start, the actual `v` and, exactly and without rounding, twice the expected
 * value `e2` (expected = the median of the last four same weekdays, three needed) and four
 * times the median absolute residual `m4` over the previous 56 days, with `n` residuals read.
 *
 * Why doubled: the median of an even count is a mean of two, and DuckDB's DECIMAL(38,18)
 * rescaling (× 0.5 cast back) costs microseconds a row; 2 × expected and 4 × MAD stay at
 * scale 18, so money stays exact and a 2,000-series scan stays fast. Only the flagged days'
 * figures are halved for output. Day numbers come from epoch_us, so no time zone is involved.
 */
export function scoredSql(context: WhereContext, spec: ScanSqlSpec): string {
  const { bind } = context
  const metric = quoteIdent(spec.metric)
  const d0 = dimensionValueSql(context, spec.by[0])
  const d1 = dimensionValueSql(context, spec.by[1])
  const h = bind(spec.historyFrom)
  const t = bind(spec.to)
  const only = spec.only
    ? ` AND ${d0} IS NOT DISTINCT FROM ${bindNullable(context, spec.only.values[0])}
      AND ${d1} IS NOT DISTINCT FROM ${bindNullable(context, spec.only.values[1])}
      AND BillingCurrency IS NOT DISTINCT FROM ${bindNullable(context, spec.only.currency)}`
    : ''
  const lags = Array.from({ length: BASELINE_WEEKS }, (_, i) => `l${i}`)
  const lagSql = lags.map((l, i) => `lag(v, ${7 * (i + 1)}) OVER w AS ${l}`).join(', ')
  const present = lags.map((l) => `CAST(${l} IS NOT NULL AS INTEGER)`).join(' + ')
  const total = lags.map((l) => `coalesce(${l}, 0)`).join(' + ')
  // Four values: the two middle ones add up to sum − max − min; three: the middle one is that.
  const middle = `${total} - greatest(${lags.join(', ')}) - least(${lags.join(', ')})`
  return `raw AS (
    SELECT ${d0} AS d0, ${d1} AS d1, BillingCurrency AS cur,
      CAST(epoch_us(ChargePeriodStart) // 86400000000 AS INTEGER) AS dn, sum(${metric}) AS v
    FROM focus
    WHERE ChargePeriodStart >= CAST(${h} AS TIMESTAMPTZ)
      AND ChargePeriodStart < CAST(${t} AS DATE) + INTERVAL 1 DAY${only}
    GROUP BY 1, 2, 3, 4),
  numbered AS (
    SELECT dense_rank() OVER (ORDER BY d0, d1, cur) AS sid, * FROM raw),
  series AS (
    SELECT sid, any_value(d0) AS d0, any_value(d1) AS d1, any_value(cur) AS cur, min(dn) AS first
    FROM numbered GROUP BY sid),
  days AS (
    SELECT CAST(range AS INTEGER) AS dn
    FROM range(CAST(CAST(${h} AS DATE) - DATE '1970-01-01' AS BIGINT),
      CAST(CAST(${t} AS DATE) - DATE '1970-01-01' AS BIGINT) + 1)),
  grid AS (
    SELECT s.sid, d.dn, coalesce(k.v, CAST(0 AS DECIMAL(38,18))) AS v
    FROM series s JOIN days d ON d.dn >= s.first
    LEFT JOIN numbered k ON k.sid = s.sid AND k.dn = d.dn),
  lagged AS (
    SELECT sid, dn, v, ${lagSql} FROM grid WINDOW w AS (PARTITION BY sid ORDER BY dn)),
  expected AS (
    SELECT sid, dn, v,
      CASE ${present} WHEN 4 THEN ${middle} WHEN 3 THEN (${middle}) + (${middle}) END AS e2
    FROM lagged),
  residuals AS (SELECT sid, dn, v, e2, abs(v + v - e2) AS r2 FROM expected),
  scored AS (
    -- The median of the window's residuals is the mean of its lower and upper middle values
    -- (quantile_disc picks the lower; of the negated residuals, the upper): so lo + hi of the
    -- doubled residuals is four times the median.
    SELECT sid, dn, v, e2, count(r2) OVER p AS n,
      quantile_disc(r2, 0.5) OVER p - quantile_disc(-r2, 0.5) OVER p AS m4
    FROM residuals
    WINDOW p AS (PARTITION BY sid ORDER BY dn ROWS BETWEEN ${DEVIATION_DAYS} PRECEDING AND 1 PRECEDING))`
}

/** SQL of a scored day's expected value, exact (from `e2`). */
const EXPECTED = 'CAST(e2 * 0.5 AS DECIMAL(38,18))'
/** SQL of a scored day's deviation, exact: 1.4826 × MAD, at least 1 % of |expected| and 0.01. */
const DEVIATION = `CAST(greatest(${MAD_SCALE} * m4 * 0.25, ${RELATIVE_FLOOR} * 0.5 * abs(e2), ${ABSOLUTE_FLOOR}) AS DECIMAL(38,18))`
/** The same deviation as a DOUBLE, for the score (a ratio, never shown as money). */
const DEVIATION_DOUBLE = `greatest(${MAD_SCALE} * CAST(m4 AS DOUBLE) / 4, ${RELATIVE_FLOOR} * abs(CAST(e2 AS DOUBLE)) / 2, ${ABSOLUTE_FLOOR})`
/** Whether a day has its baseline: an expected value and enough residuals. */
const READY = `e2 IS NOT NULL AND n >= ${MIN_DEVIATION_DAYS}`
/** A day number as YYYY-MM-DD. */
const dayText = (dn: string): string => `strftime(DATE '1970-01-01' + ${dn}, '%Y-%m-%d')`
/** A YYYY-MM-DD bound value as a day number. */
const dayNumber = (placeholder: string): string =>
  `(CAST(${placeholder} AS DATE) - DATE '1970-01-01')`

/**
 * The anomalies: flagged days (|score| ≥ sensitivity and |actual − expected| ≥ the minimum
 * amount); flagged days of one series and direction at most a week apart are one anomaly (a
 * level shift keeps flagging days until three of its four same weekdays are at the new level),
 * its figures those of its first day and its excess the sum over its flagged days. Newest first.
 */
export function anomaliesSql(
  context: WhereContext,
  spec: ScanSqlSpec,
  settings: { minAmount: string; sensitivity: number },
): string {
  const scored = scoredSql(context, spec)
  const f = context.bind(spec.from)
  const k = context.bind(String(settings.sensitivity))
  const min = context.bind(settings.minAmount)
  return `WITH ${scored},
  flagged AS (
    SELECT *, sign(v + v - e2) AS dir FROM (
      SELECT *, (v + v - e2) / 2 AS gap, CAST(v + v - e2 AS DOUBLE) / 2 / ${DEVIATION_DOUBLE} AS score
      FROM scored WHERE ${READY} AND dn >= ${dayNumber(f)})
    WHERE abs(score) >= CAST(${k} AS DOUBLE)
      AND abs(v + v - e2) >= 2 * CAST(${min} AS DECIMAL(38,18))),
  starts AS (
    SELECT *, coalesce(dn - lag(dn) OVER (PARTITION BY sid, dir ORDER BY dn) > ${RUN_GAP_DAYS}, TRUE) AS starts
    FROM flagged),
  runs_of AS (
    SELECT *, sum(CAST(starts AS INTEGER)) OVER (PARTITION BY sid, dir ORDER BY dn) AS run
    FROM starts),
  runs AS (
    SELECT sid, dir, min(dn) AS first, max(dn) AS last, count(*) AS days, sum(gap) AS excess,
      arg_min(v, dn) AS v, arg_min(e2, dn) AS e2, arg_min(m4, dn) AS m4, arg_min(score, dn) AS score
    FROM runs_of GROUP BY sid, dir, run),
  shown AS (SELECT *, ${EXPECTED} AS e, ${DEVIATION} AS dev FROM runs)
  SELECT s.d0, s.d1, s.cur, ${dayText('r.first')} AS day, ${dayText('r.last')} AS through,
    CAST(r.days AS INTEGER) AS days, CASE WHEN r.dir > 0 THEN 'up' ELSE 'down' END AS direction,
    CAST(r.v AS VARCHAR) AS actual, CAST(r.e AS VARCHAR) AS expected,
    CAST(r.dev AS VARCHAR) AS deviation, CAST(r.excess AS VARCHAR) AS excess, r.score AS score,
    CAST(CAST(r.e - CAST(${k} AS DECIMAL(18,6)) * r.dev AS DECIMAL(38,18)) AS VARCHAR) AS lower,
    CAST(CAST(r.e + CAST(${k} AS DECIMAL(18,6)) * r.dev AS DECIMAL(38,18)) AS VARCHAR) AS upper
  FROM shown r JOIN series s USING (sid)
  ORDER BY r.first DESC, abs(r.excess) DESC, s.d0, s.d1, s.cur`
}

/** One series' days over [from, to]: actual, and expected with the band (expected ± sensitivity × deviation) once ready. */
export function seriesSql(context: WhereContext, spec: ScanSqlSpec, sensitivity: number): string {
  const scored = scoredSql(context, spec)
  const f = context.bind(spec.from)
  const k = context.bind(String(sensitivity))
  // The chart shows every day of the range, scored or not (a young series has no band yet).
  return `WITH ${scored},
  shown AS (SELECT *, ${EXPECTED} AS e, ${DEVIATION} AS dev FROM scored WHERE dn >= ${dayNumber(f)})
  SELECT ${dayText('dn')} AS day, CAST(v AS VARCHAR) AS actual,
    CASE WHEN ${READY} THEN CAST(e AS VARCHAR) END AS expected,
    CASE WHEN ${READY} THEN CAST(CAST(e - CAST(${k} AS DECIMAL(18,6)) * dev AS DECIMAL(38,18)) AS VARCHAR) END AS lower,
    CASE WHEN ${READY} THEN CAST(CAST(e + CAST(${k} AS DECIMAL(18,6)) * dev AS DECIMAL(38,18)) AS VARCHAR) END AS upper
  FROM shown ORDER BY dn`
}

/**
 * The exact median of a sorted DECIMAL list (NULL when empty): the middle value, or the mean of
 * the two middle values. DuckDB's own median interpolates through a DOUBLE, which would put
 * float digits into money.
 */
function exactMedian(sorted: string): string {
  const n = `len(${sorted})`
  return `CASE WHEN ${n} = 0 THEN NULL WHEN ${n} % 2 = 1 THEN ${sorted}[${n} // 2 + 1]
    ELSE CAST((${sorted}[${n} // 2] + ${sorted}[${n} // 2 + 1]) * 0.5 AS DECIMAL(38,18)) END`
}

function bindNullable(context: WhereContext, value: string | null): string {
  return value === null ? 'CAST(NULL AS VARCHAR)' : context.bind(value)
}

/** One anomaly to find the drivers of: its series values, currency and day. */
export interface DriverTarget {
  readonly values: readonly [string | null, string | null]
  readonly currency: string | null
  readonly day: string
}

/**
 * The drivers of each target: per ResourceId and SkuId beneath its series, the day's cost against
 * the median of the same weekday over the previous four weeks (a missing day is 0), the five that
 * changed most. Columns: i (the target's index), resource, sku, actual, expected, change.
 */
export function driversSql(
  context: WhereContext,
  spec: Pick<ScanSqlSpec, 'by' | 'metric'>,
  targets: readonly DriverTarget[],
): string {
  const { bind, columns } = context
  const d0 = dimensionValueSql(context, spec.by[0])
  const d1 = dimensionValueSql(context, spec.by[1])
  const text = (name: string): string =>
    columns.has(name) ? `CAST(${quoteIdent(name)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'
  const rows = targets.map(
    (t, i) =>
      `(${i}, ${bindNullable(context, t.values[0])}, ${bindNullable(context, t.values[1])}, ${bindNullable(context, t.currency)}, CAST(${bind(t.day)} AS DATE))`,
  )
  const back = "date_diff('day', CAST(ChargePeriodStart AS DATE), a.day)"
  const weeks = Array.from(
    { length: BASELINE_WEEKS },
    (_, w) => `coalesce(sum(v) FILTER (WHERE back = ${7 * (w + 1)}), 0)`,
  )
  return `WITH a(i, v0, v1, cur, day) AS (VALUES ${rows.join(', ')}),
  picked AS (
    SELECT a.i, ${text('ResourceId')} AS resource, ${text('SkuId')} AS sku, ${back} AS back,
      sum(${quoteIdent(spec.metric)}) AS v
    FROM focus JOIN a ON ${d0} IS NOT DISTINCT FROM a.v0 AND ${d1} IS NOT DISTINCT FROM a.v1
      AND BillingCurrency IS NOT DISTINCT FROM a.cur
    WHERE ChargePeriodStart >= (SELECT min(day) FROM a) - INTERVAL ${7 * BASELINE_WEEKS} DAY
      AND ChargePeriodStart < (SELECT max(day) FROM a) + INTERVAL 1 DAY
      AND ${back} IN (${Array.from({ length: BASELINE_WEEKS + 1 }, (_, w) => 7 * w).join(', ')})
    GROUP BY 1, 2, 3, 4),
  moved AS (
    SELECT i, resource, sku, coalesce(sum(v) FILTER (WHERE back = 0), 0) AS actual,
      list_sort([${weeks.join(', ')}]) AS weeks
    FROM picked GROUP BY i, resource, sku),
  medians AS (SELECT i, resource, sku, actual, ${exactMedian('weeks')} AS expected FROM moved)
  SELECT i, resource, sku, CAST(actual AS VARCHAR) AS actual, CAST(expected AS VARCHAR) AS expected,
    CAST(actual - expected AS VARCHAR) AS change
  FROM medians
  QUALIFY row_number() OVER (PARTITION BY i ORDER BY abs(actual - expected) DESC, resource, sku) <= 5
  ORDER BY i, abs(actual - expected) DESC, resource, sku`
}
