/**
 * SQL for fields and conditions of allocation rules (CONVENTIONS.md #6):
 * column names come from the catalog and are quoted, every user value is a
 * bound parameter, and tag values are read from one JSON parse per row.
 */
import { fail } from '../contract/errors'
import { parseDimension } from '../pivot'
import { quoteIdent } from '../sql/identifiers'
import { LITERAL_TAGS, type TagResolver } from '../tags/resolve'
import type { Condition } from './rule-set'

/** Collects bound parameters ($1, $2, …) and the tag keys a query reads. */
export class SqlParams {
  readonly values: string[] = []
  readonly tagKeys: string[] = []

  /** `tags` is the workspace's tag alias policy: `tag:<key>` reads its canonical key's original keys. */
  constructor(
    private readonly columns: ReadonlySet<string>,
    private readonly tags: TagResolver = LITERAL_TAGS,
  ) {}

  /** Binds a value and returns its placeholder. */
  bind(value: string): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  /** The text value of a field ("ServiceName" or "tag:team") for a row; `where` names it in errors. */
  field(field: string, where: string): string {
    const dimension = parseDimension(field)
    if (dimension.kind === 'column') {
      if (!this.columns.has(dimension.name)) {
        fail('BAD_VALUE', `${where}: the workspace has no column "${dimension.name}".`, {
          hint: 'Use a FOCUS column name exactly as spelled in the spec, or "tag:<key>" for a tag.',
        })
      }
      return `CAST(${quoteIdent(dimension.name)} AS VARCHAR)`
    }
    if (dimension.key === '') fail('BAD_VALUE', `${where}: "tag:" needs a tag key.`)
    // The first of the canonical key's original keys a row carries (shared/tags/resolve.ts).
    const reads = this.tags(dimension.key).keys.map((key) => {
      let index = this.tagKeys.indexOf(key)
      if (index < 0) index = this.tagKeys.push(key) - 1
      return `"__tags"[${index + 1}]`
    })
    return reads.length === 1 ? (reads[0] ?? 'NULL') : `coalesce(${reads.join(', ')})`
  }
}

/** SQL of one condition; never NULL (a missing value fails every test but "missing"). */
export function conditionSql(condition: Condition, params: SqlParams, where: string): string {
  const raw = params.field(condition.field, `${where}, field "${condition.field}"`)
  const fold = (sql: string): string => (condition.ignoreCase ? `lower(${sql})` : sql)
  const value = fold(raw)
  let test: string
  switch (condition.op) {
    case 'equals':
      test = `${value} = ${fold(params.bind(condition.value))}`
      break
    case 'in':
      test = `${value} IN (${condition.values.map((v) => fold(params.bind(v))).join(', ')})`
      break
    case 'prefix':
      test = `starts_with(${value}, ${fold(params.bind(condition.value))})`
      break
    case 'regex':
      // A search, like JavaScript's RegExp#test; RE2 syntax (DuckDB).
      test = `regexp_matches(${raw}, ${params.bind(condition.pattern)}${condition.ignoreCase ? ", 'i'" : ''})`
      break
    case 'missing':
      test = `(${raw} IS NULL OR ${raw} = '')`
      break
  }
  const safe = `coalesce(${test}, FALSE)`
  return condition.not ? `(NOT ${safe})` : safe
}

/** All conditions joined with AND (TRUE when there are none). */
export function conditionsSql(
  conditions: readonly Condition[],
  params: SqlParams,
  where: string,
): string {
  if (conditions.length === 0) return 'TRUE'
  return conditions.map((c, i) => conditionSql(c, params, `${where}, when[${i}]`)).join(' AND ')
}

/** The SELECT-list item that parses Tags once per row into a list of the wanted keys' values. */
export function tagsListSql(params: SqlParams, jsonPath: (key: string) => string): string {
  if (params.tagKeys.length === 0) return 'NULL::VARCHAR[] AS "__tags"'
  const paths = params.tagKeys.map((k) => params.bind(jsonPath(k))).join(', ')
  return `CASE WHEN json_valid("Tags") THEN json_extract_string("Tags", [${paths}]) END AS "__tags"`
}
