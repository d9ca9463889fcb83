/**
 * The business metrics file `focal metrics import` reads: a CSV with the columns date
 * (YYYY-MM-DD), metric, value and, optionally, dimension (a product, a tenant). Parsed
 * strictly, all or nothing: a misread value would turn every cost per unit of its day into
 * a wrong one without a sign. Rows are named as a spreadsheet numbers them (the header is row 1).
 */
import { fail } from '../contract/errors'
import { parseCsv } from '../csv'
import { isIsoDate } from '../fx/rates-csv'
import { normalizeDecimal } from '../money'

/** One metric value: `value` units of `metric` on `date`, for `dimension` (null: the metric as a whole). */
export interface MetricValue {
  readonly date: string
  readonly metric: string
  readonly dimension: string | null
  /** Exact decimal text, zero or more. */
  readonly value: string
}

const COLUMNS = ['date', 'metric', 'value', 'dimension'] as const
const REQUIRED = ['date', 'metric', 'value'] as const
/** A metric value: at most 20 digits before the point and 18 after, as DECIMAL(38,18) holds. */
const VALUE = /^\d{1,20}(\.\d{1,18})?$/
/** Longest metric name or dimension value kept. */
export const METRIC_NAME_MAX = 128

/** The key one value is stored under: a later import's value for the same key replaces it. */
export function metricKey(v: Pick<MetricValue, 'date' | 'metric' | 'dimension'>): string {
  return JSON.stringify([v.date, v.metric, v.dimension])
}

/** Parses the metrics CSV text; `fileName` is the display name errors name. Fails on the first bad row. */
export function parseMetricsCsv(text: string, fileName: string): MetricValue[] {
  const records = parseCsv(text.replace(/\r\n?/g, '\n'))
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase())
  const headerFail = (message: string): never =>
    fail('MISSING_COLUMNS', `${fileName} row 1: ${message}`, {
      hint: 'The metrics file needs the header date,metric,value (and optionally dimension).',
      location: { file: fileName, line: 1 },
    })
  if (header.length === 0) fail('EMPTY_FILE', `${fileName} is empty.`)
  const unknown = header.find((h) => !(COLUMNS as readonly string[]).includes(h))
  if (unknown !== undefined) headerFail(`unknown column "${unknown}".`)
  const dup = header.find((h, i) => header.indexOf(h) !== i)
  if (dup !== undefined) headerFail(`the column "${dup}" appears twice.`)
  for (const name of REQUIRED) if (!header.includes(name)) headerFail(`no "${name}" column.`)
  const at = (name: string): number => header.indexOf(name)

  const values: MetricValue[] = []
  const seen = new Map<string, number>()
  records.slice(1).forEach((fields, i) => {
    const row = i + 2
    if (fields.every((f) => f.trim() === '')) return
    const bad = (column: string, value: string, what: string, hint: string): never =>
      fail('BAD_VALUE', `${fileName} row ${row}, column ${column}: ${what}`, {
        hint: `${hint} Nothing was imported.`,
        location: { file: fileName, line: row, column, value },
      })
    if (fields.length !== header.length)
      fail(
        'BAD_ROW_SHAPE',
        `${fileName} row ${row} has ${fields.length} fields; the header has ${header.length}.`,
        {
          hint: 'Give every row the same columns as the header. Nothing was imported.',
          location: { file: fileName, line: row },
        },
      )
    const field = (name: string): string => (at(name) < 0 ? '' : (fields[at(name)] ?? '').trim())
    const date = field('date')
    if (!isIsoDate(date))
      bad(
        'date',
        date,
        `"${date}" is not a date.`,
        'Write the date as YYYY-MM-DD, e.g. 2024-09-30.',
      )
    const metric = field('metric')
    if (!metric) bad('metric', metric, 'the metric name is empty.', 'Name the metric, e.g. orders.')
    if (metric.length > METRIC_NAME_MAX)
      bad(
        'metric',
        metric.slice(0, 40),
        `the metric name is longer than ${METRIC_NAME_MAX} characters.`,
        'Shorten it.',
      )
    const raw = field('value')
    if (!VALUE.test(raw))
      bad(
        'value',
        raw,
        raw === '' ? 'the value is empty.' : `"${raw}" is not a number of units.`,
        'Write a plain decimal of zero or more with a point and no thousands separator, e.g. 1250 or 3.5; leave out a day you have no value for (it is shown as a gap).',
      )
    const dimensionText = field('dimension')
    if (dimensionText.length > METRIC_NAME_MAX)
      bad(
        'dimension',
        dimensionText.slice(0, 40),
        `the dimension is longer than ${METRIC_NAME_MAX} characters.`,
        'Shorten it.',
      )
    const value: MetricValue = {
      date,
      metric,
      dimension: dimensionText === '' ? null : dimensionText,
      value: normalizeDecimal(raw),
    }
    const key = metricKey(value)
    const first = seen.get(key)
    if (first !== undefined)
      bad(
        'date',
        date,
        `a second value of ${metric}${value.dimension === null ? '' : ` for ${value.dimension}`} on ${date} (the first is on row ${first}).`,
        'Keep one value per date, metric and dimension.',
      )
    seen.set(key, row)
    values.push(value)
  })
  if (values.length === 0)
    fail('NO_ROWS', `${fileName} has a header but no metric values.`, {
      hint: 'Add one row per date and metric: date,metric,value.',
      location: { file: fileName, line: 1 },
    })
  return values
}
