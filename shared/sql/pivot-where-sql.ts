/**
 * The parts of pivot SQL the summary (pivot-sql.ts) and the table (pivot-table-sql.ts) share:
 * a dimension's value, the WHERE conditions and the time bucket. Identifiers are checked
 * against the catalog and quoted; every user value is bound.
 */
import type { Condition, DateBasis, Dimension, Filter } from '../pivot'
import { LITERAL_TAGS, type TagResolver } from '../tags/resolve'
import { tagValueSql } from '../tags/tag-sql'
import { quoteIdent, quoteLiteral } from './identifiers'

/** Thrown for a spec that names columns the workspace does not have. */
export class PivotSpecError extends Error {}

/** Binds a value and returns its placeholder. */
export type Bind = (value: string) => string

/** What the shared parts need to know about the workspace. */
export interface WhereContext {
  readonly columns: ReadonlySet<string>
  readonly bind: Bind
  readonly tags?: TagResolver
  readonly guardJson?: boolean
}

/**
 * A new context over the focus view's `columns`, with its own parameter list: `bind`
 * appends to `params` and returns `$n`. Tags read literally unless a resolver is given.
 */
export function whereContext(
  columns: ReadonlySet<string>,
  options: { readonly tags?: TagResolver; readonly guardJson?: boolean } = {},
): WhereContext & { readonly params: string[]; readonly tags: TagResolver } {
  const params: string[] = []
  const bind = (value: string): string => {
    params.push(value)
    return `$${params.length}`
  }
  return {
    columns,
    bind,
    params,
    tags: options.tags ?? LITERAL_TAGS,
    ...(options.guardJson === undefined ? {} : { guardJson: options.guardJson }),
  }
}

/** Throws PivotSpecError unless the focus view has `name`. */
export function requireColumn(columns: ReadonlySet<string>, name: string): string {
  if (!columns.has(name)) throw new PivotSpecError(`Unknown column ${name}.`)
  return quoteIdent(name)
}

/** SQL of a dimension's text value: a catalog column, or a tag key through the alias policy. */
export function dimensionValueSql(context: WhereContext, d: Dimension): string {
  if (d.kind === 'tag') return tagSql(context, d.key)
  return `CAST(${requireColumn(context.columns, d.name)} AS VARCHAR)`
}

function tagSql(context: WhereContext, key: string): string {
  if (!context.columns.has('Tags')) throw new PivotSpecError('This workspace has no Tags column.')
  const tags = context.tags ?? LITERAL_TAGS
  return tagValueSql(tags(key).keys, context.bind, context.guardJson !== false)
}

/** The timestamp column a date basis reads. */
export function basisColumn(basis: DateBasis | undefined): string {
  return basis === 'billing' ? '"BillingPeriodStart"' : '"ChargePeriodStart"'
}

/** SQL formatting a truncated time bucket `t` as its label (2026-01-05, 2026-01, 2026-Q1). */
export function timeLabelSql(grain: string, t: string): string {
  if (grain === 'quarter') return `strftime(${t}, '%Y') || '-Q' || CAST(quarter(${t}) AS VARCHAR)`
  return `strftime(${t}, ${quoteLiteral(grain === 'month' ? '%Y-%m' : '%Y-%m-%d')})`
}

/** The WHERE conditions of a date range on the basis, the in/notIn filters and the conditions. */
export function whereSql(
  context: WhereContext,
  spec: {
    readonly dateRange: { start: string | null; end: string | null } | null
    readonly dateBasis?: DateBasis
    readonly filters: readonly Filter[]
    readonly conditions?: readonly Condition[]
  },
): string[] {
  const { bind, columns } = context
  const where: string[] = []
  const basis = basisColumn(spec.dateBasis)
  // Each bound works alone: "From" without "Until" means from that day on, and the reverse.
  const { start = null, end = null } = spec.dateRange ?? {}
  if (start) where.push(`${basis} >= CAST(${bind(start)} AS TIMESTAMPTZ)`)
  if (end) where.push(`${basis} < CAST(${bind(end)} AS TIMESTAMPTZ)`)
  for (const filter of spec.filters) {
    const expr = dimensionValueSql(context, filter.dimension)
    const values = filter.values.filter((v): v is string => v !== null)
    const parts = values.length > 0 ? [`${expr} IN (${values.map(bind).join(', ')})`] : []
    if (filter.values.includes(null)) parts.push(`${expr} IS NULL`)
    const match = parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE'
    where.push(filter.op === 'in' ? match : `NOT coalesce(${match}, FALSE)`)
  }
  for (const c of spec.conditions ?? []) {
    switch (c.op) {
      case 'contains':
      case 'startsWith': {
        // Case-insensitive, as a search box is; a missing value never matches.
        const fn = c.op === 'contains' ? 'contains' : 'starts_with'
        where.push(
          `${fn}(lower(${dimensionValueSql(context, c.dimension)}), lower(${bind(c.text)}))`,
        )
        break
      }
      case 'equals':
        where.push(`lower(${dimensionValueSql(context, c.dimension)}) = lower(${bind(c.text)})`)
        break
      case 'range': {
        const column = requireColumn(columns, c.column)
        if (c.min !== null) where.push(`${column} >= CAST(${bind(c.min)} AS DECIMAL(38,18))`)
        if (c.max !== null) where.push(`${column} <= CAST(${bind(c.max)} AS DECIMAL(38,18))`)
        break
      }
      case 'dates': {
        const column = requireColumn(columns, c.column)
        if (c.start !== null) where.push(`${column} >= CAST(${bind(c.start)} AS TIMESTAMPTZ)`)
        if (c.end !== null) where.push(`${column} < CAST(${bind(c.end)} AS TIMESTAMPTZ)`)
        break
      }
      case 'tagPresent':
        where.push(`${tagSql(context, c.key)} IS NOT NULL`)
        break
      case 'tagMissing':
        where.push(`${tagSql(context, c.key)} IS NULL`)
        break
    }
  }
  return where
}

/**
 * True when `spec` reads a tag anywhere (a group-by, the axis, a filter or a condition), so the
 * core loads the tag alias policy; the chart and the table must read the same keys.
 */
export function specReadsTags(spec: {
  readonly rows: readonly Dimension[]
  readonly columns?: { readonly kind: string } | null
  readonly filters: readonly Filter[]
  readonly conditions?: readonly Condition[]
}): boolean {
  if (spec.rows.some((d) => d.kind === 'tag') || spec.columns?.kind === 'tag') return true
  if (spec.filters.some((f) => f.dimension.kind === 'tag')) return true
  return (spec.conditions ?? []).some((c) =>
    'dimension' in c ? c.dimension.kind === 'tag' : c.op === 'tagPresent' || c.op === 'tagMissing',
  )
}
