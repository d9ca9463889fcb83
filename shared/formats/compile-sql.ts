/**
 * The one compiler of native format mappings (mapping-types.ts) to SQL over a
 * stage whose columns are named by position (c0, c1, …; see stage-sql.ts).
 * Every result is text, so the checks that follow (value-checks.ts) parse and
 * report a mapped value exactly as they do a FOCUS file's: a value Focal cannot
 * convert is passed through as written and refused there with its row and column.
 */
import { Compiler, NESTED } from './expression-compiler'
import type { Expression, FormatMapping, ReconcileColumns, SumTerm } from './mapping-types'
import { arraySumSql } from './value-sql'

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
        ? `CAST(${arraySumSql(compiler.text(i), term.arrayKey)} AS DECIMAL(38,18))`
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
