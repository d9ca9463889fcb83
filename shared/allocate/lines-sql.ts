/**
 * SQL that turns assigned rows and pool shares into allocated lines
 * (electron/core/allocate/lines.ts), exactly:
 *
 * - direct, separate and unallocated rows become one line each, unchanged;
 * - a pool row that could not be split stays one "Unallocated" line;
 * - a split pool row becomes one line per target. Targets are laid end to
 *   end in target order, each covering [lo, hi) of the pool, where hi is the
 *   running share of the parts at 9 decimals (the last hi is exactly 1); a
 *   row's line for a target is row₉ × hi − row₉ × lo, where row₉ is the row
 *   at 9 decimals and the last target's row₉ × 1 is replaced by the row
 *   itself. The lines of a row therefore telescope to the row exactly. Each target's lines then sum to its part
 *   up to ratio rounding (far below a cent); that difference is added to the
 *   target's line on the group's largest row, and since the differences of
 *   all targets sum to zero, that row still adds up too.
 * No window function runs over the exploded cells, so a 1M-row month with
 * large pools stays fast: one join, one GROUP BY, one join.
 */
import { quoteIdent } from '../sql/identifiers'
import { LINE_SOURCE_COLUMNS } from './rules-sql'

/** The temp tables the lines are built from. */
export interface LinesSources {
  readonly assigned: string
  readonly groups: string
  readonly shares: string
}

/** CREATE TEMP TABLE `table` with the allocated-lines columns, in ALLOCATED_LINE_COLUMNS order. */
export function createLinesSql(table: string, sources: LinesSources, unallocated: string): string {
  const a = quoteIdent(sources.assigned)
  const g = quoteIdent(sources.groups)
  const s = quoteIdent(sources.shares)
  const cols = LINE_SOURCE_COLUMNS.map((c) => quoteIdent(c)).join(', ')
  const prefixed = (alias: string): string =>
    LINE_SOURCE_COLUMNS.map((c) => `${alias}.${quoteIdent(c)}`).join(', ')
  const groupJoin = (x: string, y: string): string =>
    `${y}.pool = ${x}.pool AND ${y}.cur = ${x}.cur AND ${y}.gk = ${x}.gk`
  // Single quotes doubled: `unallocated` is Focal's own constant, not user input.
  const unallocatedSql = `'${unallocated.replaceAll("'", "''")}'`
  // DECIMAL(27,9) × DECIMAL(10,9) is DECIMAL(37,18): exact and without a rescaling division,
  // which DuckDB does slowly on 128-bit decimals (a 1M-row month explodes into millions of cells).
  const at = (q: string): string => `(pr.__a9 * sh.${q})`
  return `CREATE TEMP TABLE ${quoteIdent(table)} AS
WITH pr AS (
  SELECT x.*, CAST(x.amount AS DECIMAL(27,9)) AS __a9, row_number() OVER (PARTITION BY x.pool, x.cur, x.gk
      ORDER BY abs(x.amount) DESC, x.x_ImportId DESC NULLS LAST, x.x_SourceRow DESC NULLS LAST, x.__rid DESC) = 1 AS __big
  FROM ${a} x JOIN ${g} g ON ${groupJoin('x', 'g')}
  WHERE x.kind = 'pool' AND g.split
), cells AS MATERIALIZED (
  SELECT pr.*, sh.target AS __t, sh.method AS __m,
    CASE WHEN sh.last THEN pr.amount ELSE ${at('hi')} END - ${at('lo')} AS __cell
  FROM pr JOIN ${s} sh ON ${groupJoin('pr', 'sh')}
), fix AS (
  SELECT c.pool, c.cur, c.gk, c.__t, any_value(sh.part) - sum(c.__cell) AS __fix
  FROM cells c JOIN ${s} sh ON ${groupJoin('c', 'sh')} AND sh.target = c.__t
  GROUP BY c.pool, c.cur, c.gk, c.__t
)
SELECT target, NULL::VARCHAR AS pool, NULL::VARCHAR AS method, rule, ${cols}, amount
FROM ${a} WHERE kind <> 'pool'
UNION ALL
SELECT ${unallocatedSql}, x.pool, g.method, NULL, ${prefixed('x')}, x.amount
FROM ${a} x JOIN ${g} g ON ${groupJoin('x', 'g')}
WHERE x.kind = 'pool' AND NOT g.split
UNION ALL
SELECT c.__t, c.pool, c.__m, NULL, ${prefixed('c')},
  CAST(c.__cell + CASE WHEN c.__big THEN f.__fix ELSE 0 END AS DECIMAL(38,18))
FROM cells c JOIN fix f ON ${groupJoin('c', 'f')} AND f.__t = c.__t`
}
