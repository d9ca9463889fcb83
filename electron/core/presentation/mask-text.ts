/**
 * Presentation mode for text stored with real values in it: a backlog item's title and source
 * ("Idle-looking resource payments-db: …") and its scope's filters were written from the real
 * rows. While the mode is on they go out with every stored account, resource or tag value they
 * hold replaced by its alias (mask-values.ts), so they read as the masked candidates do, and a
 * filter sent to a masked reader matches the rows it was saved for.
 */
import { dimensionLabel, type Filter } from '../../../shared/pivot'
import type { Workspace } from '../workspace/workspace'
import { activeMask } from './presentation-mode'
import { MASKED_COLUMNS } from './presentation-sql'
import { maskValue } from './mask-values'

/** Values shorter than this are left alone in free text: "a1" would be found inside words. */
const MIN_FOUND = 4

/** `filters` with the values of masked dimensions as their aliases (itself when the mode is off). */
export function maskFilters(ws: Workspace, filters: readonly Filter[]): Filter[] {
  if (!activeMask(ws)) return [...filters]
  return filters.map((f) => {
    const dimension = dimensionLabel(f.dimension)
    return { ...f, values: f.values.map((v) => maskValue(ws, dimension, v)) }
  })
}

/**
 * `texts` with every stored value of a masked column, and every value of a masked tag, that
 * they contain replaced by its alias, the longest first (itself when the mode is off). One
 * read of the stored rows on the writer, which holds the real values.
 */
export async function maskTexts(ws: Workspace, texts: readonly string[]): Promise<string[]> {
  const mask = activeMask(ws)
  if (!mask || texts.length === 0) return [...texts]
  const columns = MASKED_COLUMNS.map(
    (m) => `SELECT DISTINCT '${m.column}' AS d, CAST("${m.column}" AS VARCHAR) AS v FROM focus`,
  )
  const tags = `SELECT DISTINCT 'tag:' || k AS d, t ->> k AS v
    FROM (SELECT DISTINCT Tags AS t FROM focus WHERE json_valid(Tags) AND json_type(Tags) = 'OBJECT'),
      unnest(json_keys(t)) AS u(k)`
  const present = new Set(
    (
      await ws.all(
        "SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'cost_rows' AND database_name <> 'temp'",
      )
    ).map((r) => String(r.c)),
  )
  const parts = MASKED_COLUMNS.map((m, i) => (present.has(m.column) ? columns[i] : null)).filter(
    (p): p is string => p !== null,
  )
  if (present.has('Tags')) parts.push(tags)
  if (parts.length === 0) return [...texts]
  const rows = await ws.all(
    `WITH t AS (SELECT unnest(from_json($1::VARCHAR, '["VARCHAR"]')) AS text),
      v AS (${parts.join(' UNION ALL ')})
    SELECT DISTINCT v.d, v.v FROM v JOIN t ON contains(t.text, v.v)
    WHERE v.v IS NOT NULL AND length(v.v) >= ${MIN_FOUND}`,
    [JSON.stringify(texts)],
  )
  const found = rows
    .map((r) => ({ dimension: String(r.d), value: String(r.v) }))
    .filter((f) => maskValue(ws, f.dimension, f.value) !== f.value)
    .sort((a, b) => b.value.length - a.value.length || a.dimension.localeCompare(b.dimension))
  return texts.map((text) =>
    found.reduce((out, f) => out.split(f.value).join(maskValue(ws, f.dimension, f.value)), text),
  )
}
