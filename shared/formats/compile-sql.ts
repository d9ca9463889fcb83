/**
 * The one compiler of native format mappings (mapping-types.ts) to SQL over a
 * stage whose columns are named by position (c0, c1, …; see stage-sql.ts).
 * Every result is text, so the checks that follow (value-checks.ts) parse and
 * report a mapped value exactly as they do a FOCUS file's: a value Focal cannot
 * convert is passed through as written and refused there with its row and column.
 */
import { quoteLiteral } from '../sql/identifiers'
import type {
  Condition,
  Expression,
  FormatMapping,
  ReconcileColumns,
  SumTerm,
  TagColumns,
  WrittenNumber,
} from './mapping-types'

/** One compiled output column. */
export interface CompiledColumn {
  readonly target: string
  readonly sql: string
  /** Source columns the value is read from (names as in the header). */
  readonly sources: readonly string[]
  /** True when the value is one source column unchanged. */
  readonly direct: boolean
  readonly fix?: string
  /** SQL over the stage, true on the rows the fix applies to (default: the value is set). */
  readonly fixWhen?: string
}

/** A mapping compiled against one file's header. */
export interface CompiledMapping {
  readonly columns: readonly CompiledColumn[]
  /** Source columns no FOCUS column takes unchanged: kept as provider (x_) columns. */
  readonly kept: readonly { readonly index: number; readonly source: string }[]
}

/** Parquet types whose values are nested: read as their JSON text. */
const NESTED = /^(MAP|STRUCT)\(|\[\]$/

/** Resolves header names to positions, with or without case. */
function headerIndex(header: readonly string[], caseInsensitive: boolean) {
  const positions = new Map<string, number>()
  header.forEach((name, i) => {
    const key = caseInsensitive ? name.toLowerCase() : name
    if (!positions.has(key)) positions.set(key, i)
  })
  return (name: string): number => positions.get(caseInsensitive ? name.toLowerCase() : name) ?? -1
}

/** Compiles `mapping` for a file with this header (and, for Parquet, these source types). */
export function compileMapping(
  mapping: FormatMapping,
  header: readonly string[],
  sourceTypes?: readonly string[],
): CompiledMapping {
  const compiler = new Compiler(mapping, header, sourceTypes)
  const columns = Object.entries(mapping.columns).flatMap(([target, rule]) => {
    const used = new Set<number>()
    const sql = compiler.expression(rule.value, used)
    // A column the file cannot fill (no source column, no constant) is left out, as a FOCUS file's absent column is.
    if (used.size === 0 && !hasConstant(rule.value)) return []
    const sources = [...used].sort((a, b) => a - b).map((i) => header[i] ?? '')
    const direct = compiler.readsColumn(rule.value) && used.size === 1 && !rule.fix
    const fixWhen = rule.fixWhen
      ?.map(
        (all) => `(${all.map((c) => compiler.condition(c, new Set())).join(' AND ') || 'true'})`,
      )
      .join(' OR ')
    return [
      {
        target,
        sql,
        sources,
        direct,
        ...(rule.fix ? { fix: rule.fix } : {}),
        ...(fixWhen ? { fixWhen } : {}),
      },
    ]
  })
  const taken = new Set(
    columns.filter((c) => c.direct).map((c) => compiler.index(c.sources[0] ?? '')),
  )
  const kept = header
    .map((source, index) => ({ index, source }))
    .filter(({ index }) => !taken.has(index))
  return { columns, kept }
}

/** True when an expression can yield a value without any source column (a non-null constant in it). */
function hasConstant(value: Expression): boolean {
  if ('constant' in value) return value.constant !== null
  if ('coalesce' in value) return value.coalesce.some(hasConstant)
  if ('lookup' in value)
    return hasConstant(value.lookup) || (value.otherwise ? hasConstant(value.otherwise) : false)
  if ('cases' in value)
    return (
      value.cases.some((c) => hasConstant(c.then)) ||
      (value.otherwise ? hasConstant(value.otherwise) : false)
    )
  if ('sum' in value) return value.sum.some((t) => hasConstant(t.value))
  if ('date' in value) return hasConstant(value.date)
  if ('field' in value) return hasConstant(value.of)
  if ('json' in value) return hasConstant(value.json)
  if ('arraySum' in value) return hasConstant(value.arraySum)
  if ('keyValues' in value) return value.keyValues.some(hasConstant)
  if ('number' in value) return hasConstant(value.number)
  if ('strip' in value) return hasConstant(value.strip)
  if ('product' in value) return hasConstant(value.product)
  return false
}

/**
 * SELECT list summing the reconcile columns of a mapping per currency over the
 * raw stage: `currency`, `n`, `billed`, `effective` (decimal text). A plain
 * DECIMAL cast of each source column, apart from the mapping's expressions.
 */
export function sourceSumsSql(
  mapping: FormatMapping,
  header: readonly string[],
  stage: string,
  sourceTypes?: readonly string[],
): string {
  const compiler = new Compiler(mapping, header, sourceTypes)
  const reconcile: ReconcileColumns = mapping.reconcile
  const total = (terms: readonly SumTerm[]): string => {
    const parts = terms.flatMap((term) => {
      const i = compiler.firstIndex(typeof term.column === 'string' ? [term.column] : term.column)
      if (i < 0) return []
      const value = term.arrayKey
        ? `CAST(${compiler.arraySumSql(compiler.text(i), term.arrayKey)} AS DECIMAL(38,18))`
        : `CAST(${compiler.text(i)} AS DECIMAL(38,18))`
      const when = (term.when ?? []).map((c) => compiler.condition(c, new Set()))
      const summed = `sum(${when.length > 0 ? `CASE WHEN ${when.join(' AND ')} THEN ${value} END` : value})`
      return [`${term.negate ? '-' : ''}coalesce(${summed}, 0)`]
    })
    return parts.length > 0 ? `CAST(${parts.join(' + ')} AS VARCHAR)` : 'NULL'
  }
  const currency = compiler.firstIndex(
    typeof reconcile.currency === 'string' ? [reconcile.currency] : reconcile.currency,
  )
  return `SELECT ${currency < 0 ? 'NULL' : compiler.text(currency)} AS currency, count(*)::BIGINT AS n,
    ${total(reconcile.billed)} AS billed, ${total(reconcile.effective)} AS effective
    FROM "${stage.replaceAll('"', '""')}" GROUP BY 1`
}

class Compiler {
  readonly index: (name: string) => number

  constructor(
    private readonly mapping: FormatMapping,
    private readonly header: readonly string[],
    private readonly sourceTypes?: readonly string[],
  ) {
    this.index = headerIndex(header, mapping.caseInsensitive ?? false)
  }

  /** Position of the first of `names` the header has, or -1. */
  firstIndex(names: readonly string[]): number {
    for (const name of names) {
      const i = this.index(name)
      if (i >= 0) return i
    }
    return -1
  }

  /** A stage column as trimmed text; empty is null; a Parquet map or struct as its JSON text. */
  text(i: number): string {
    const type = this.sourceTypes?.[i] ?? 'VARCHAR'
    if (type === 'VARCHAR') return `nullif(trim(c${i}), '')`
    if (NESTED.test(type)) return `nullif(CAST(to_json(c${i}) AS VARCHAR), '{}')`
    return `CAST(c${i} AS VARCHAR)`
  }

  private column(name: string, used: Set<number>): string {
    const i = this.index(name)
    if (i < 0) return this.nested(name, used)
    used.add(i)
    return this.text(i)
  }

  /**
   * A dotted name the header lacks, read from the record its first part names: BigQuery's
   * `service.description` is a column when flattened to CSV and a field of `service` in Parquet.
   */
  private nested(name: string, used: Set<number>): string {
    const dot = name.indexOf('.')
    const parent = dot > 0 ? this.index(name.slice(0, dot)) : -1
    if (parent < 0) return 'CAST(NULL AS VARCHAR)'
    used.add(parent)
    const path = name
      .slice(dot + 1)
      .split('.')
      .map((key) => `."${key.replaceAll('"', '\\"')}"`)
      .join('')
    const json = this.text(parent)
    return `CASE WHEN json_valid(${json}) THEN nullif(trim(json_extract_string(${json}, ${quoteLiteral(`$${path}`)})), '') END`
  }

  /** True when `value` reads one header column unchanged (not a field of a record). */
  readsColumn(value: Expression): boolean {
    if ('column' in value) return this.index(value.column) >= 0
    if ('firstColumn' in value) return this.firstIndex(value.firstColumn) >= 0
    return false
  }

  condition(condition: Condition, used: Set<number>): string {
    const value = this.column(condition.column, used)
    // list_contains, not IN: DuckDB turns an IN list of five or more values into a join, and a
    // join in the mapping makes the insert that reads it stage every row in memory until commit.
    const list = (values: readonly string[]): string => `[${values.map(quoteLiteral).join(', ')}]`
    const parts: string[] = []
    if (condition.in) parts.push(`coalesce(list_contains(${list(condition.in)}, ${value}), false)`)
    if (condition.notIn)
      parts.push(`coalesce(NOT list_contains(${list(condition.notIn)}, ${value}), true)`)
    if (condition.present !== undefined)
      parts.push(`${value} IS ${condition.present ? 'NOT ' : ''}NULL`)
    if (condition.contains !== undefined)
      parts.push(
        `coalesce(strpos(lower(${value}), ${quoteLiteral(condition.contains.toLowerCase())}) > 0, false)`,
      )
    return parts.length > 0 ? `(${parts.join(' AND ')})` : 'true'
  }

  expression(value: Expression, used: Set<number>): string {
    if ('column' in value) return this.column(value.column, used)
    if ('firstColumn' in value) {
      const i = this.firstIndex(value.firstColumn)
      return i < 0 ? 'CAST(NULL AS VARCHAR)' : this.column(this.header[i] ?? '', used)
    }
    if ('constant' in value)
      return `CAST(${value.constant === null ? 'NULL' : quoteLiteral(value.constant)} AS VARCHAR)`
    if ('coalesce' in value)
      return `coalesce(${value.coalesce.map((e) => this.expression(e, used)).join(', ')})`
    if ('lookup' in value) {
      const entries = Object.entries(value.table)
      const otherwise = value.otherwise ? this.expression(value.otherwise, used) : 'NULL'
      if (entries.length === 0) return otherwise
      // A position in a key list, not CASE key WHEN …: inside a CASE branch or a lambda, DuckDB
      // evaluates a CASE's key once per entry (a 380-entry table read ~40 times slower).
      const keys = `[${entries.map(([from]) => quoteLiteral(from)).join(', ')}]`
      const values = `[${entries.map(([, to]) => quoteLiteral(to)).join(', ')}]`
      const key = this.expression(value.lookup, used)
      return `CAST(coalesce(${values}[list_position(${keys}, ${value.lower ? `lower(${key})` : key})], ${otherwise}) AS VARCHAR)`
    }
    if ('cases' in value) {
      if (value.cases.length === 0)
        return value.otherwise ? this.expression(value.otherwise, used) : 'CAST(NULL AS VARCHAR)'
      const whens = value.cases.map(
        (c) =>
          `WHEN ${c.when.map((w) => this.condition(w, used)).join(' AND ') || 'true'} THEN ${this.expression(c.then, used)}`,
      )
      const otherwise = value.otherwise ? this.expression(value.otherwise, used) : 'NULL'
      return `CAST(CASE ${whens.join(' ')} ELSE ${otherwise} END AS VARCHAR)`
    }
    if ('sum' in value) return this.sum(value.sum, used)
    if ('date' in value) return this.date(this.expression(value.date, used), value)
    if ('arraySum' in value)
      return this.arraySumSql(this.expression(value.arraySum, used), value.key)
    if ('keyValues' in value) return this.keyValues(value.keyValues, used)
    if ('tagColumns' in value) return this.tags(value.tagColumns, used)
    if ('number' in value) return this.number(this.expression(value.number, used), value)
    if ('strip' in value)
      return `nullif(trim(${this.expression(value.strip, used)}, ${quoteLiteral(value.chars)}), '')`
    if ('product' in value)
      return productSql(this.expression(value.product, used), this.expression(value.factor, used))
    if ('field' in value) {
      const json = this.expression(value.of, used)
      return `CASE WHEN json_valid(${json}) THEN nullif(trim(json_extract_string(${json}, ${quoteLiteral(`$."${value.field}"`)})), '') END`
    }
    // An empty object is no tags, as an empty Parquet map is.
    const text = `nullif(${this.expression(value.json, used)}, '{}')`
    return value.braces
      ? `CASE WHEN ${text} IS NULL THEN NULL WHEN left(${text}, 1) = '{' THEN ${text} ELSE '{' || ${text} || '}' END`
      : text
  }

  /** Exact decimal arithmetic; a term that is not a number is passed on as written, to be refused with its row. */
  private sum(
    terms: readonly { value: Expression; negate?: boolean }[],
    used: Set<number>,
  ): string {
    const texts = terms.map((t) => this.expression(t.value, used))
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
  private number(text: string, spec: WrittenNumber & { negate?: boolean }): string {
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
  private lenientJson(text: string): string {
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
  arraySumSql(text: string, key: string): string {
    const json = this.lenientJson(text)
    const amounts = `CAST(json_extract(${json}, ${quoteLiteral(`$[*]."${key}"`)}) AS VARCHAR[])`
    const decimals = `list_transform(${amounts}, x -> TRY_CAST(x AS DECIMAL(38,18)))`
    const ok = `json_type(${json}) = 'ARRAY' AND list_count(${decimals}) = len(${amounts})`
    return `CASE WHEN ${text} IS NULL THEN NULL WHEN coalesce(${ok}, false) THEN CAST(list_sum(${decimals}) AS VARCHAR) ELSE ${text} END`
  }

  /** `{key, value}` arrays as one JSON object, earlier arrays winning; empty values left out; unreadable text as written. */
  private keyValues(list: readonly Expression[], used: Set<number>): string {
    const unreadable: string[] = []
    const entries = list.map((e) => {
      const text = this.expression(e, used)
      const json = this.lenientJson(text)
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
  private date(
    text: string,
    spec: {
      formats?: readonly string[]
      addDays?: number
      addMonths?: number
      monthStart?: boolean
      zone?: string
    },
  ): string {
    const withOffset = `regexp_matches(${text}, '[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)? ?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$')`
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
    return `coalesce(strftime(${shifted}, '%Y-%m-%dT%H:%M:%S.%fZ'), ${text})`
  }

  /** Tag columns as one JSON object; empty values are left out, a key seen twice keeps its full column name. */
  private tags(spec: TagColumns, used: Set<number>): string {
    const fold = (s: string): string => (this.mapping.caseInsensitive ? s.toLowerCase() : s)
    const keys = new Set<string>()
    const entries: string[] = []
    const whole = new Set((spec.columns ?? []).map(fold))
    this.header.forEach((name, i) => {
      const prefix = whole.has(fold(name))
        ? ''
        : spec.prefixes.find((p) => fold(name).startsWith(fold(p)))
      if (prefix === undefined) return
      let key = name.slice(prefix.length)
      if (spec.dropKeyPrefix && key.startsWith(spec.dropKeyPrefix))
        key = key.slice(spec.dropKeyPrefix.length)
      if (key === '' || keys.has(key)) key = name
      keys.add(key)
      used.add(i)
      entries.push(`struct_pack(k := ${quoteLiteral(key)}, v := ${this.text(i)})`)
    })
    if (entries.length === 0) return 'CAST(NULL AS VARCHAR)'
    return `nullif(CAST(to_json(map_from_entries(list_filter([${entries.join(', ')}], lambda e: e.v IS NOT NULL))) AS VARCHAR), '{}')`
  }
}

/**
 * CREATE TEMP VIEW of a native file mapped to FOCUS-named text columns c0, c1, …
 * (first the mapping's columns, then the kept source columns) plus `source_row`,
 * the stage row each came from (not sorted: every later step reads source_row).
 * A view, not a table: the value checks evaluate only the money and date columns
 * they read, and the insert reads the mapping once, with no text copy of every
 * row in between (a copy cost about as much as the mapping itself).
 */
export function mappedViewSql(
  compiled: CompiledMapping,
  stage: string,
  target: string,
  sourceRow: string,
  sourceTypes?: readonly string[],
): string {
  const kept = compiled.kept.map(({ index }) => {
    const type = sourceTypes?.[index] ?? 'VARCHAR'
    if (type === 'VARCHAR') return `c${index}`
    return NESTED.test(type) ? `CAST(to_json(c${index}) AS VARCHAR)` : `CAST(c${index} AS VARCHAR)`
  })
  const values = [...compiled.columns.map((c) => c.sql), ...kept].map((sql, k) => `${sql} AS c${k}`)
  // A fix limited to some rows is decided on the source values, kept beside the row as fix_<k>.
  compiled.columns.forEach((c, k) => {
    if (c.fixWhen) values.push(`coalesce(${c.fixWhen}, false) AS fix_${k}`)
  })
  const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`
  return `CREATE TEMP VIEW ${quote(target)} AS SELECT ${values.join(',\n  ')}, ${sourceRow} AS source_row
    FROM ${quote(stage)}`
}

/**
 * `value × factor` (the `product` expression) as exact decimal text, `factor` a whole number.
 * A power of ten (Azure's blocks are mostly 10, 100, 10K …) moves the decimal point: the
 * value's own digits with the exponent raised, read exactly by the later decimal cast, so no
 * row pays for DECIMAL(38,18) arithmetic. Any other factor multiplies in DuckDB's decimals.
 * A factor of 1 or none leaves the value as written; a value or factor that is no number, or
 * a product too large for DECIMAL(38,18), is written `value * factor`, to be refused with its row.
 */
function productSql(value: string, factor: string): string {
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
