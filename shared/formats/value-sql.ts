/**
 * SQL for the value forms of a mapping expression that read no header: exact sums, numbers as
 * written, JSON arrays of amounts or key/value pairs, dates in any written form, products. Each
 * takes its operands as SQL text (the expression compiler reads the columns) and, like every
 * compiled value, yields text: a value Focal cannot convert passes on as written.
 */
import { quoteLiteral } from '../sql/identifiers'
import type { WrittenNumber } from './mapping-types'

/** Exact decimal arithmetic; a term that is not a number is passed on as written, to be refused with its row. */
export function sumSql(terms: readonly { text: string; negate?: boolean }[]): string {
  const texts = terms.map((t) => t.text)
  const decimals = texts.map((t) => `TRY_CAST(${t} AS DECIMAL(38,18))`)
  const bad = texts.map((t, i) => `WHEN ${t} IS NOT NULL AND ${decimals[i]} IS NULL THEN ${t}`)
  const allEmpty = texts.map((t) => `${t} IS NULL`).join(' AND ')
  const total = decimals
    .map((d, i) => `${terms[i]?.negate ? '-' : '+'} coalesce(${d}, 0)`)
    .join(' ')
  return `CASE ${bad.join(' ')} WHEN ${allEmpty} THEN NULL ELSE CAST(0 ${total} AS VARCHAR) END`
}

/**
 * A number as written (WrittenNumber) as decimal text: stripped, separators removed, decimal
 * comma made a point, then times the factor, cast at the factor's own scale so no digits are
 * lost and rounded to DECIMAL(38,18) half away from zero as stored money is. A text that is
 * no number passes as written, to be refused with its row.
 */
export function numberSql(text: string, spec: WrittenNumber & { negate?: boolean }): string {
  let clean = spec.trim ? `trim(${text}, ${quoteLiteral(spec.trim)})` : text
  if (spec.thousands) clean = `replace(${clean}, ${quoteLiteral(spec.thousands)}, '')`
  if (spec.decimal === ',') clean = `replace(${clean}, ',', '.')`
  const decimal = `TRY_CAST(${clean} AS DECIMAL(38,18))`
  let value = decimal
  if (spec.factor) {
    const [whole = '', fraction = ''] = spec.factor.replace(/^[+-]/, '').split('.')
    const type = `DECIMAL(${Math.max(whole.length + fraction.length, 1)},${fraction.length})`
    value = `CAST(${decimal} * CAST(${quoteLiteral(spec.factor)} AS ${type}) AS DECIMAL(38,18))`
  }
  if (spec.negate) value = `-(${value})`
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN ${decimal} IS NULL THEN ${text} ELSE CAST(${value} AS VARCHAR) END`
}

/**
 * JSON text of a JSON array or of the Python literal of one (a flattened GCP export writes
 * `[{'key': 'a', 'value': None}]`); null when it is neither. Only quotes and words next to
 * the literal's own punctuation are rewritten, so an apostrophe or the word None inside a
 * value stays as written; a value the rewrite cannot make JSON leaves its row refused.
 */
function lenientJson(text: string): string {
  const replace = (sql: string, pattern: string, by: string): string =>
    `regexp_replace(${sql}, ${quoteLiteral(pattern)}, ${quoteLiteral(by)}, 'g')`
  let converted = replace(text, `([\\[{,:]\\s*)'`, '\\1"')
  converted = replace(converted, `'(\\s*[:,}\\]])`, '"\\1')
  for (const [word, json] of [
    ['None', 'null'],
    ['True', 'true'],
    ['False', 'false'],
  ])
    // Twice: a match takes the comma the next one needs (`[None, None]`).
    for (let k = 0; k < 2; k++)
      converted = replace(converted, `([\\[,:]\\s*)${word}(\\s*[,}\\]])`, `\\1${json}\\2`)
  return `CASE WHEN json_valid(${text}) THEN ${text} WHEN json_valid(${converted}) THEN ${converted} END`
}

/**
 * Sum of `key` over a JSON array's objects, as decimal text (null when empty); text that is no
 * such array, or an amount that is no number, passes as written. JSON numbers are read as
 * doubles, as GCP writes them (FLOAT64), so an amount is its shortest exact decimal text.
 */
export function arraySumSql(text: string, key: string): string {
  const json = lenientJson(text)
  const amounts = `CAST(json_extract(${json}, ${quoteLiteral(`$[*]."${key}"`)}) AS VARCHAR[])`
  const decimals = `list_transform(${amounts}, x -> TRY_CAST(x AS DECIMAL(38,18)))`
  const ok = `json_type(${json}) = 'ARRAY' AND list_count(${decimals}) = len(${amounts})`
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN coalesce(${ok}, false) THEN CAST(list_sum(${decimals}) AS VARCHAR) ELSE ${text} END`
}

/** `{key, value}` arrays as one JSON object, earlier arrays winning; empty values left out; unreadable text as written. */
export function keyValuesSql(texts: readonly string[]): string {
  const unreadable: string[] = []
  const entries = texts.map((text) => {
    const json = lenientJson(text)
    unreadable.push(`WHEN ${text} IS NOT NULL AND ${json} IS NULL THEN ${text}`)
    const items = `CAST(coalesce(json_extract(${json}, '$[*]'), []) AS JSON[])`
    return `list_transform(${items}, e -> struct_pack(k := json_extract_string(e, '$.key'), v := nullif(json_extract_string(e, '$.value'), '')))`
  })
  if (entries.length === 0) return 'CAST(NULL AS VARCHAR)'
  const all = `list_filter(flatten([${entries.join(', ')}]), e -> e.k IS NOT NULL AND e.v IS NOT NULL)`
  // map_from_entries refuses a repeated key: keep each key's first entry.
  const first = `list_filter(${all}, (e, i) -> list_position(list_transform(${all}, x -> x.k), e.k) = i)`
  // A value that is no array passes as written, so the Tags check refuses its row rather than drop its labels.
  return `CASE ${unreadable.join(' ')} ELSE nullif(CAST(to_json(map_from_entries(${first})) AS VARCHAR), '{}') END`
}

/** Any written form of a time, read as UTC (an explicit offset is honoured), as ISO 8601 text. */
export function dateSql(
  text: string,
  spec: {
    formats?: readonly string[]
    addDays?: number
    addMonths?: number
    monthStart?: boolean
    zone?: string
  },
): string {
  // The pattern needs a ':', so a date without a time (Azure's 09/22/2023) skips the regex.
  const withOffset = `(strpos(${text}, ':') > 0 AND regexp_matches(${text}, '[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)? ?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$'))`
  const naiveText = [
    ...(spec.formats ?? []).map((f) => `try_strptime(${text}, ${quoteLiteral(f)})`),
    `TRY_CAST(${text} AS TIMESTAMP)`,
  ]
  const months = (t: string): string =>
    spec.addMonths ? `CAST(${t} + INTERVAL (${spec.addMonths}) MONTH AS TIMESTAMP)` : t
  const month = (t: string): string => (spec.monthStart ? `date_trunc('month', ${t})` : t)
  let naive = months(month(`coalesce(${naiveText.join(', ')})`))
  // A local time without offset (Google bills in Pacific time) is read in its zone.
  if (spec.zone) naive = `timezone(${quoteLiteral(spec.zone)}, ${naive}) AT TIME ZONE 'UTC'`
  // DuckDB reads no offset time without seconds (OCI writes `2023-11-13T10:00Z`): `:00` is added.
  const seconds = `regexp_replace(${text}, '([T ][0-9]{2}:[0-9]{2})( ?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?))$', '\\1:00\\2')`
  const instant = `coalesce(TRY_CAST(${text} AS TIMESTAMPTZ), TRY_CAST(${seconds} AS TIMESTAMPTZ))`
  const withZone = months(month(`${instant} AT TIME ZONE 'UTC'`))
  const parsed = `CASE WHEN ${withOffset} THEN ${withZone} ELSE ${naive} END`
  const addDays = spec.addDays ?? 0
  const shifted = addDays === 0 ? parsed : `(${parsed}) + INTERVAL (${addDays}) DAY`
  // Parsed once; a text that is no date passes as written, to be refused with its row.
  const written = `coalesce(strftime(${shifted}, '%Y-%m-%dT%H:%M:%S.%fZ'), ${text})`
  if (addDays !== 0 || spec.addMonths || spec.monthStart) return written
  // A time already written as ISO 8601 UTC (AWS's 2023-11-01T00:00:00.000Z) is passed as
  // written: the slow path writes the same instant again in the same form, or, for a text
  // DuckDB cannot read (2023-02-30T00:00:00Z), passes it as written too. Every reader of the
  // mapped value (the insert, the value checks, the mapping preview's ISO test) reads either
  // the same way. Writing it (strftime) took about 1 CPU-s per date column per million rows.
  const iso = `regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z')`
  return `CASE WHEN ${iso} THEN ${text} ELSE ${written} END`
}

/**
 * `value × factor` (the `product` expression) as exact decimal text, `factor` a whole number.
 * A power of ten (Azure's blocks are mostly 10, 100, 10K …) moves the decimal point: the
 * value's own digits with the exponent raised, read exactly by the later decimal cast, so no
 * row pays for DECIMAL(38,18) arithmetic. Any other factor multiplies in DuckDB's decimals.
 * A factor of 1 or none leaves the value as written; a value or factor that is no number, or
 * a product too large for DECIMAL(38,18), is written `value * factor`, to be refused with its row.
 */
export function productSql(value: string, factor: string): string {
  const refused = `${value} || ' * ' || ${factor}`
  const mantissa = `regexp_extract(${value}, '^[^eE]*')`
  const exponent = `coalesce(TRY_CAST(regexp_extract(${value}, '[eE]([+-]?[0-9]+)$', 1) AS INTEGER), 0)`
  const shifted = `${mantissa} || 'e' || CAST(${exponent} + length(${factor}) - 1 AS VARCHAR)`
  const product = `CAST(TRY(TRY_CAST(${value} AS DECIMAL(38,18)) * TRY_CAST(${factor} AS BIGINT)) AS VARCHAR)`
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${factor} IS NULL OR ${factor} = '1' THEN ${value}
    WHEN TRY_CAST(${value} AS DOUBLE) IS NULL OR NOT regexp_full_match(${factor}, '[0-9]{1,18}') THEN ${refused}
    WHEN regexp_full_match(${factor}, '10*') THEN ${shifted}
    ELSE coalesce(${product}, ${refused}) END`
}
