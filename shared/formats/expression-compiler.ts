/**
 * The expression compiler of native format mappings: resolves the columns an expression
 * names in one file's header (by position, c0, c1, …, with or without case, a dotted name
 * as a record's field) and writes each expression and condition as SQL text over the stage.
 * The value forms that read no header are in value-sql.ts.
 */
import { quoteLiteral } from '../sql/identifiers'
import type { Condition, Expression, FormatMapping, TagColumns } from './mapping-types'
import { arraySumSql, dateSql, keyValuesSql, numberSql, productSql, sumSql } from './value-sql'

/** Parquet types whose values are nested: read as their JSON text. */
export const NESTED = /^(MAP|STRUCT)\(|\[\]$/

/**
 * `nullif(trim(text), '')`, with the trim skipped where it provably changes nothing. DuckDB's
 * trim copies every value, whatever it removes: on the 1M-row Azure bench the trims of the
 * mapped columns (long ResourceIds and tag texts among them) took about 4 CPU-s. trim removes
 * only space separators (Unicode Zs: the space, the no-break space, U+2000–U+200A, …), and
 * every one but the ASCII space is more than one byte, so a value whose characters are all
 * single bytes (strlen = length), that starts past the space (not empty either) and does not
 * end with a space is its own trimmed value. Every other value takes trim, so the result is
 * that of nullif(trim(text), '') for every value.
 */
export function trimmedText(text: string): string {
  return `CASE WHEN strlen(${text}) = length(${text}) AND ascii(${text}) > 32 AND NOT ends_with(${text}, ' ') THEN ${text} ELSE nullif(trim(${text}), '') END`
}

/** Resolves header names to positions, with or without case. */
function headerIndex(header: readonly string[], caseInsensitive: boolean) {
  const positions = new Map<string, number>()
  header.forEach((name, i) => {
    const key = caseInsensitive ? name.toLowerCase() : name
    if (!positions.has(key)) positions.set(key, i)
  })
  return (name: string): number => positions.get(caseInsensitive ? name.toLowerCase() : name) ?? -1
}

/** Compiles a mapping's expressions and conditions against one file's header (and source types). */
export class Compiler {
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
    if (type === 'VARCHAR') return trimmedText(`c${i}`)
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
    if ('sum' in value)
      return sumSql(
        value.sum.map((t) => ({ text: this.expression(t.value, used), negate: t.negate })),
      )
    if ('date' in value) return dateSql(this.expression(value.date, used), value)
    if ('arraySum' in value) return arraySumSql(this.expression(value.arraySum, used), value.key)
    if ('keyValues' in value)
      return keyValuesSql(value.keyValues.map((e) => this.expression(e, used)))
    if ('tagColumns' in value) return this.tags(value.tagColumns, used)
    if ('number' in value) return numberSql(this.expression(value.number, used), value)
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
