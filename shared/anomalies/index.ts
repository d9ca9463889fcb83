/**
 * Daily cost anomalies (issue 12, Anomalies): what a scan is asked for, the baseline's rules
 * in words and numbers, and the key an anomaly's state is stored under. The scan itself runs
 * in DuckDB (electron/core/anomalies/anomaly-sql.ts); `baselineAt` is the same rule in plain
 * TypeScript, so a person (and a unit test) can follow one day's figures by hand.
 */

/** The states of an anomaly: new until a person acknowledges, explains or dismisses it. */
export const ANOMALY_STATES = ['new', 'acknowledged', 'explained', 'dismissed'] as const
/** One of ANOMALY_STATES. */
export type AnomalyState = (typeof ANOMALY_STATES)[number]

/** The cost metrics a scan reads: BilledCost unless said. */
export const ANOMALY_METRICS = ['BilledCost', 'EffectiveCost'] as const
/** One of ANOMALY_METRICS. */
export type AnomalyMetric = (typeof ANOMALY_METRICS)[number]

/** A series is one value of each of two dimensions (service × sub account unless said), per currency. */
export const DEFAULT_SERIES_BY: readonly [string, string] = ['ServiceName', 'SubAccountId']

/** Weeks of same-weekday history the expected value is read from (the mean of their middle four). */
export const BASELINE_WEEKS = 8
/** Fewest weeks an expected value needs; with fewer than BASELINE_WEEKS it is their median (a young series). */
export const MIN_BASELINE_WEEKS = 3
/** Days of earlier residuals the deviation is read from. */
export const DEVIATION_DAYS = 56
/** Fewest earlier residuals a deviation needs; a younger series is not scored. */
export const MIN_DEVIATION_DAYS = 28
/** Days before the first scanned day the scan reads: 28 residuals' days before it, each with its eight weeks. */
export const HISTORY_DAYS = BASELINE_WEEKS * 7 + MIN_DEVIATION_DAYS
/**
 * The deviation is read from this percentile of the |residuals|: unlike a median it uses the
 * spread's tail, so it varies less from one 56-day window to the next (fewer false alarms), and
 * up to a fifth of the days may be earlier anomalies without moving it.
 */
export const DEVIATION_QUANTILE = '0.8'
/** Scales that percentile to a standard deviation's size for normal noise (1 / 1.2816, the 90th percentile of a normal). */
export const DEVIATION_SCALE = '0.7803'
/** The deviation is never below this share of the expected value (flat series do not explode). */
export const RELATIVE_FLOOR = '0.01'
/** Nor below this amount. */
export const ABSOLUTE_FLOOR = '0.01'
/** Flagged days of a series in one direction at most this many days apart are one anomaly. */
export const RUN_GAP_DAYS = 7
/** An anomaly of this many flagged days or more is a sustained change (a level shift), not a spike. */
export const SUSTAINED_DAYS = 3

/** The settings a person can change (stored in the workspace). */
export interface AnomalySettings {
  /** The least |actual − expected| an anomaly needs, in the series' currency (decimal text). */
  readonly minAmount: string
  /** The least |score| (deviations from expected) an anomaly needs. */
  readonly sensitivity: number
}

/** Settings of a workspace that never changed them. */
// Sensitivity 4: the least at which the bench's generated series (tests/bench/anomalies.ts) keep
// precision at 0.8 or more; a person who would rather see more, with more false alarms, lowers it.
export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = { minAmount: '10', sensitivity: 4 }

/** Where a stored state belongs: the series (its dimensions and values), its currency and its first day. */
export interface AnomalyKey {
  readonly by: readonly [string, string]
  readonly values: readonly [string | null, string | null]
  readonly currency: string | null
  readonly day: string
}

/** The stored form of a key: the same series and day always give the same text. */
export function anomalyKeyText(key: AnomalyKey): string {
  return JSON.stringify([key.by[0], key.by[1], key.values[0], key.values[1], key.currency, key.day])
}

/** The method in one paragraph, for the CLI, the screen and the README. */
export const ANOMALY_METHOD =
  `Expected = the mean of the middle four of the same weekday over the previous ${BASELINE_WEEKS} weeks ` +
  `(the two highest and two lowest left out; a series with ${MIN_BASELINE_WEEKS} to ${BASELINE_WEEKS - 1} weeks: their median); deviation = the 80th percentile of |actual − expected| ` +
  `over the previous ${DEVIATION_DAYS} days × ${DEVIATION_SCALE} (the size of a standard deviation for ` +
  'normal noise; at least 1% of expected); score = (actual − expected) / deviation. A day is an ' +
  'anomaly when |actual − expected| ≥ the minimum amount and |score| ≥ the sensitivity, or the ' +
  'scores of its last two or three days, all on one side, add up to the sensitivity × √2 or × √3 ' +
  '(a change that stays shows on its second and third days at 1.4 and 1.7 times its one-day ' +
  'score). Such days of one ' +
  `series and direction at most ${RUN_GAP_DAYS} days apart are one anomaly (${SUSTAINED_DAYS} days ` +
  'or more: sustained, a level shift, which the baseline follows within 7 weeks).'

/** One day's baseline worked out in plain numbers (the SQL's rule; for reading and tests). */
export interface Baseline {
  readonly expected: number
  readonly deviation: number
}

/**
 * The baseline of day `t` of a dense daily series `values` (index 0 is the first day): the mean
 * of the middle four of the same weekday over the previous eight weeks (with three to seven: their
 * median), and 0.7803 × the 80th
 * percentile (the value ⌈0.8 n⌉ of n sorted, as DuckDB's quantile_disc) of the absolute residuals
 * of the previous 56 days, floored. Null while the series is too young (as the scan leaves it unscored).
 */
export function baselineAt(values: readonly number[], t: number): Baseline | null {
  const expected = expectedAt(values, t)
  if (expected === null) return null
  const residuals: number[] = []
  for (let s = Math.max(0, t - DEVIATION_DAYS); s < t; s++) {
    const e = expectedAt(values, s)
    if (e !== null) residuals.push(Math.abs((values[s] ?? 0) - e))
  }
  if (residuals.length < MIN_DEVIATION_DAYS) return null
  const sorted = [...residuals].sort((a, b) => a - b)
  const spread = (sorted[Math.ceil((4 * sorted.length) / 5) - 1] ?? 0) * Number(DEVIATION_SCALE)
  const floor = Math.max(Number(ABSOLUTE_FLOOR), Math.abs(expected) * Number(RELATIVE_FLOOR))
  return { expected, deviation: Math.max(spread, floor) }
}

/**
 * The score of day `t` as the scan flags it: the largest in size of the day's own, its two-day
 * score (with the day before, both on one side: their sum / √2) and its three-day score (the
 * last three days on one side: their sum / √3).
 */
export function scoreAt(values: readonly number[], t: number): number | null {
  const own = dayScore(values, t)
  if (own === null) return null
  let best = own
  let sum = own
  for (let back = 1; back <= 2; back++) {
    const earlier = dayScore(values, t - back)
    if (earlier === null || Math.sign(earlier) !== Math.sign(own)) break
    sum += earlier
    const joint = sum / Math.sqrt(back + 1)
    if (Math.abs(joint) > Math.abs(best)) best = joint
  }
  return best
}

function dayScore(values: readonly number[], t: number): number | null {
  const b = t >= 0 ? baselineAt(values, t) : null
  return b === null ? null : ((values[t] ?? 0) - b.expected) / b.deviation
}

function expectedAt(values: readonly number[], t: number): number | null {
  const weeks: number[] = []
  for (let w = 1; w <= BASELINE_WEEKS; w++) if (t - 7 * w >= 0) weeks.push(values[t - 7 * w] ?? 0)
  if (weeks.length < MIN_BASELINE_WEEKS) return null
  if (weeks.length < BASELINE_WEEKS) return median(weeks)
  const sorted = weeks.sort((a, b) => a - b)
  return ((sorted[2] ?? 0) + (sorted[3] ?? 0) + (sorted[4] ?? 0) + (sorted[5] ?? 0)) / 4
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** The UTC date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
