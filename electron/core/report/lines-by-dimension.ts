/**
 * The no-rules producer of the allocated-lines contract (allocate/lines.ts):
 * every cost row of the period becomes one line whose target is its value of
 * a column or tag. Rows with no value go to Unallocated, never dropped, so the
 * lines always add up to the period total.
 */
import { fail } from '../../../shared/contract'
import { dimensionLabel, type Dimension } from '../../../shared/pivot'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { LITERAL_TAGS, type TagResolver } from '../../../shared/tags/resolve'
import { tagValueSql } from '../../../shared/tags/tag-sql'
import { UNALLOCATED, periodCondition, type CostMetric, type Period } from '../allocate/lines'
import { focusColumnNames } from '../query/catalog'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'

/** What linesByDimension needs. */
export interface LinesByDimensionRequest {
  period: Period
  metric: CostMetric
  by: Dimension
}

const METRICS: readonly CostMetric[] = ['BilledCost', 'EffectiveCost']

let tableCounter = 0

/** A fresh TEMP table name; the random part keeps two reports in one session apart. */
export function linesTableName(prefix = 'report_lines'): string {
  tableCounter += 1
  return `${prefix}_${tableCounter}_${Math.random().toString(36).slice(2, 8)}`
}

/**
 * SQL of the dimension value as text, with the values it binds from placeholder `$<first>` on:
 * a tag reads its canonical key's original keys through the alias policy `tags` (shared/tags).
 */
export function dimensionValueSql(
  by: Dimension,
  first: number,
  tags: TagResolver = LITERAL_TAGS,
): { sql: string; params: string[] } {
  if (by.kind !== 'tag') return { sql: `CAST(${quoteIdent(by.name)} AS VARCHAR)`, params: [] }
  const params: string[] = []
  const sql = tagValueSql(tags(by.key).keys, (path) => `$${first + params.push(path) - 1}`)
  return { sql, params }
}

/** Refuses a column the workspace does not have, naming the dimension as the user typed it. */
export async function checkDimension(ws: Workspace, by: Dimension): Promise<void> {
  const columns = await focusColumnNames(ws)
  const needed = by.kind === 'tag' ? 'Tags' : by.name
  if (!columns.has(needed))
    fail('BAD_REQUEST', `This workspace has no column ${needed} to group by.`, {
      hint:
        by.kind === 'tag'
          ? 'Tags come from the FOCUS Tags column, which these imports do not have.'
          : 'Use a FOCUS column name exactly as spelled (e.g. SubAccountName) or tag:<key>.',
      details: { by: dimensionLabel(by) },
    })
}

/**
 * Creates the allocated-lines TEMP table of `period` on the writer connection,
 * target = the value of `by` (null or blank → Unallocated), and returns its
 * name. The caller drops it.
 */
export async function linesByDimension(
  ws: Workspace,
  request: LinesByDimensionRequest,
): Promise<string> {
  await checkDimension(ws, request.by)
  const table = linesTableName()
  if (!METRICS.includes(request.metric))
    fail('BAD_REQUEST', `Unknown cost metric ${String(request.metric)}.`)
  const tags = request.by.kind === 'tag' ? await loadTagResolver(ws) : undefined
  const { sql: value, params: valueParams } = dimensionValueSql(request.by, 2, tags)
  const params: string[] = [request.period, ...valueParams]
  // Blank values count as missing: a cost center named "   " is a data error, not a target.
  await ws.run(
    `CREATE TEMP TABLE ${quoteIdent(table)} AS
     SELECT CASE WHEN v IS NULL OR trim(v) = '' THEN ${quoteLiteral(UNALLOCATED)} ELSE v END AS target,
       NULL::VARCHAR AS pool, NULL::VARCHAR AS method, NULL::VARCHAR AS rule,
       x_ImportId, x_SourceRow, ChargePeriodStart, ChargeCategory, ServiceName,
       ResourceId, ResourceName, SubAccountName, BillingCurrency,
       CAST(coalesce(${quoteIdent(request.metric)}, 0) AS DECIMAL(38,18)) AS amount
     FROM (SELECT *, ${value} AS v FROM focus WHERE ${periodCondition('$1')})`,
    params,
  )
  return table
}
