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
  DEVIATION_QUANTILE,
  DEVIATION_SCALE,
  MIN_BASELINE_WEEKS,
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
 * the history's start, the actual `v`, and exactly, without rounding, four times the expected
 * value `e4` (expected = the mean of the middle four of the same weekday over the previous eight
 * weeks; a younger series with three to seven weeks: their median), four times the 80th percentile of the absolute residuals `q4` over the
 * previous 56 days, with `n` residuals read, and the day's score (a DOUBLE) once it is ready.
 *
 * Why four times: the mean of four is a sum times 0.25, and DuckDB's DECIMAL(38,18) rescaling
 * costs microseconds a row; 4 × expected stays at scale 18, so money stays exact and a
 * 2,000-series scan stays fast. Only the shown figures are quartered. Day numbers come from
 * epoch_us, so no time zone is involved.
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
  const weeks = Array.from({ length: BASELINE_WEEKS }, (_, i) => `lag(v, ${7 * (i + 1)}) OVER w`)
  // DuckDB lists count from 1. Eight weeks: the 3rd to the 6th of eight sorted; fewer (a young
  // series): the median, the middle one or the two middle ones (k is the number of weeks).
  const middleFour = [3, 4, 5, 6].map((i) => `s[${i}]`).join(' + ')
  const median = `CASE WHEN k % 2 = 1 THEN s[(k + 1) // 2] * 4 ELSE (s[k // 2] + s[k // 2 + 1]) * 2 END`
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
    -- The grid is dense from the series' first day, so the weeks present are the most recent ones;
    -- k, the weeks present: a day's index in its series // 7, at most eight. Missing weeks
    -- (NULL) sort last, so the first k of the sorted list are the weeks present.
    SELECT sid, dn, v, list_sort([${weeks.join(', ')}], 'ASC', 'NULLS LAST') AS s,
      least((row_number() OVER w - 1) // 7, ${BASELINE_WEEKS}) AS k
    FROM grid WINDOW w AS (PARTITION BY sid ORDER BY dn)),
  expected AS (
    SELECT sid, dn, v, CASE WHEN k = ${BASELINE_WEEKS} THEN ${middleFour}
      WHEN k >= ${MIN_BASELINE_WEEKS} THEN ${median} END AS e4
    FROM lagged),
  residuals AS (SELECT sid, dn, v, e4, abs(v * 4 - e4) AS r4 FROM expected),
  spread AS (
    SELECT sid, dn, v, e4, count(r4) OVER p AS n, quantile_disc(r4, ${DEVIATION_QUANTILE}) OVER p AS q4
    FROM residuals
    WINDOW p AS (PARTITION BY sid ORDER BY dn ROWS BETWEEN ${DEVIATION_DAYS} PRECEDING AND 1 PRECEDING)),
  scored AS (
    SELECT *, CASE WHEN ${READY} THEN CAST(v * 4 - e4 AS DOUBLE) / 4 / ${DEVIATION_DOUBLE} END AS score
    FROM spread)`
}

/** SQL of a scored day's expected value, exact (from `e4`). */
const EXPECTED = 'CAST(e4 * 0.25 AS DECIMAL(38,18))'
/** SQL of a scored day's deviation, exact: the 80th percentile |residual| / 1.2816, at least 1 % of |expected| and 0.01. */
const DEVIATION = `CAST(greatest(${DEVIATION_SCALE} * q4 * 0.25, ${RELATIVE_FLOOR} * 0.25 * abs(e4), ${ABSOLUTE_FLOOR}) AS DECIMAL(38,18))`
/** The same deviation as a DOUBLE, for the score (a ratio, never shown as money). */
const DEVIATION_DOUBLE = `greatest(${DEVIATION_SCALE} * CAST(q4 AS DOUBLE) / 4, ${RELATIVE_FLOOR} * abs(CAST(e4 AS DOUBLE)) / 4, ${ABSOLUTE_FLOOR})`
/** Whether a day has its baseline: an expected value and enough residuals. */
const READY = `e4 IS NOT NULL AND n >= ${MIN_DEVIATION_DAYS}`
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
  previous AS (
    SELECT *, lag(score) OVER d AS s1, lag(score, 2) OVER d AS s2
    FROM scored WINDOW d AS (PARTITION BY sid ORDER BY dn)),
  paired AS (
    -- A change that stays: the scores of the last two and three days, all on one side, added,
    -- over √2 and √3 (under noise each is a score like a day's own).
    SELECT *,
      CASE WHEN sign(score) = sign(s1) THEN (score + s1) / sqrt(2) END AS two_day,
      CASE WHEN sign(score) = sign(s1) AND sign(s1) = sign(s2) THEN (score + s1 + s2) / sqrt(3) END AS three_day
    FROM previous),
  flagged AS (
    SELECT *, sign(v * 4 - e4) AS dir FROM (
      SELECT * REPLACE (CASE WHEN abs(three_day) > greatest(abs(two_day), abs(score)) THEN three_day
          WHEN abs(two_day) > abs(score) THEN two_day ELSE score END AS score),
        CAST((v * 4 - e4) * 0.25 AS DECIMAL(38,18)) AS gap
      FROM paired WHERE score IS NOT NULL AND dn >= ${dayNumber(f)})
    WHERE abs(score) >= CAST(${k} AS DOUBLE)
      AND abs(v * 4 - e4) >= 4 * CAST(${min} AS DECIMAL(38,18))),
  starts AS (
    SELECT *, coalesce(dn - lag(dn) OVER (PARTITION BY sid, dir ORDER BY dn) > ${RUN_GAP_DAYS}, TRUE) AS starts
    FROM flagged),
  runs_of AS (
    SELECT *, sum(CAST(starts AS INTEGER)) OVER (PARTITION BY sid, dir ORDER BY dn) AS run
    FROM starts),
  runs AS (
    SELECT sid, dir, min(dn) AS first, max(dn) AS last, count(*) AS days, sum(gap) AS excess,
      arg_min(v, dn) AS v, arg_min(e4, dn) AS e4, arg_min(q4, dn) AS q4, arg_min(score, dn) AS score
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
 * its expected value by the scan's rule (the mean of the middle four of the same weekday over the
 * previous eight weeks; a missing day is 0), the five that changed most. Columns: i (the target's index), resource, sku, actual, expected, change.
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
  medians AS (
    SELECT i, resource, sku, actual,
      CAST((weeks[3] + weeks[4] + weeks[5] + weeks[6]) * 0.25 AS DECIMAL(38,18)) AS expected
    FROM moved)
  SELECT i, resource, sku, CAST(actual AS VARCHAR) AS actual, CAST(expected AS VARCHAR) AS expected,
    CAST(actual - expected AS VARCHAR) AS change
  FROM medians
  QUALIFY row_number() OVER (PARTITION BY i ORDER BY abs(actual - expected) DESC, resource, sku) <= 5
  ORDER BY i, abs(actual - expected) DESC, resource, sku`
}
