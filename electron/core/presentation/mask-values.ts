/**
 * Presentation mode for values stored outside the cost rows: a budget's dimension value, an
 * anomaly's series values and drivers. Their stored keys stay real (a state found again by a
 * re-scan, a budget matched to its rows); they are masked on the way out with the view's own
 * alias rule (presentation-sql.ts), so the alias on a budget is the alias the pivot shows. An
 * alias coming back from the screen is turned into its real value here, on the writer, by
 * hashing the real candidates: the renderer never holds a real value while the mode is on.
 */
import { parseDimension } from '../../../shared/pivot'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { activeMask } from './presentation-mode'
import { aliasSql, aliasText, MASKED_COLUMNS, tagAliasSource } from './presentation-sql'
import { resolveTagKey } from './tag-canonicals'

/** The key of a `tag:<key>` dimension. */
function parseTagKey(dimension: string): string {
  const by = parseDimension(dimension)
  return by.kind === 'tag' ? by.key : dimension
}

/** How the mode masks a dimension's values: the alias prefix, and the tag key of a tag. */
interface MaskRule {
  readonly salt: string
  readonly prefix: string
  readonly tagKey: string | null
  readonly column: string
}

/** The rule for `dimension` (a column name or tag:<key>) while the mode is on; null when not masked. */
function ruleOf(ws: Workspace, dimension: string): MaskRule | null {
  const mask = activeMask(ws)
  if (!mask) return null
  const by = parseDimension(dimension)
  if (by.kind === 'tag') {
    // The alias is made of the canonical key, as the view makes it (presentation-sql.ts).
    const { canonical } = resolveTagKey(ws, by.key)
    const listed =
      mask.tagKeys === null || [by.key, canonical].some((k) => mask.tagKeys?.includes(k))
    return listed ? { salt: mask.salt, prefix: 'tag-', tagKey: canonical, column: 'Tags' } : null
  }
  const masked = MASKED_COLUMNS.find((m) => m.column === by.name)
  return masked ? { salt: mask.salt, prefix: masked.prefix, tagKey: null, column: by.name } : null
}

/** True while the mode shows `dimension`'s values as aliases. */
export function isMaskedDimension(ws: Workspace, dimension: string): boolean {
  return ruleOf(ws, dimension) !== null
}

/** `value` of `dimension` as the masked view shows it (unchanged when the mode does not mask it). */
export function maskValue(ws: Workspace, dimension: string, value: string): string
export function maskValue(ws: Workspace, dimension: string, value: string | null): string | null
export function maskValue(ws: Workspace, dimension: string, value: string | null): string | null {
  const rule = ruleOf(ws, dimension)
  if (!rule || value === null) return value
  const source = rule.tagKey === null ? value : tagAliasSource(rule.tagKey, value)
  return aliasText(rule.prefix, rule.salt, source)
}

/**
 * The real value of `dimension` whose alias is `value`, read from the stored rows; `value`
 * itself when the mode does not mask the dimension; null when no stored value has that alias.
 */
export async function unmaskValue(
  ws: Workspace,
  dimension: string,
  value: string,
): Promise<string | null> {
  const rule = ruleOf(ws, dimension)
  if (!rule) return value
  // A tag's value may be stored under any original key of its canonical key (tag-canonicals.ts).
  const keys = rule.tagKey === null ? [] : resolveTagKey(ws, parseTagKey(dimension)).keys
  const real =
    rule.tagKey === null
      ? `CAST(${quoteIdent(rule.column)} AS VARCHAR)`
      : // As the view reads a tag (presentation-sql.ts maskedTags): a text that is not JSON has none.
        `unnest(list_transform(from_json(CAST($3 AS VARCHAR), '["VARCHAR"]'), k -> CASE WHEN json_valid(Tags) THEN Tags ->> k END))`
  const text = rule.tagKey === null ? 'v' : `$2 || '=' || v`
  // The writer is never masked (presentation-mode.ts), so `focus` here holds the real values.
  const rows = await ws.all(
    `SELECT v FROM (SELECT DISTINCT ${real} AS v FROM focus) WHERE v IS NOT NULL AND ${aliasSql(rule.prefix, rule.salt, text)} = $1 LIMIT 1`,
    rule.tagKey === null ? [value] : [value, rule.tagKey, JSON.stringify(keys)],
  )
  return rows[0]?.v == null ? null : String(rows[0].v)
}
