/**
 * SQL over a report's allocated-lines table (allocate/lines.ts) for one figure: the lines of
 * one target in one currency ($1 target, $2 currency, $3 period), each with its source row's
 * file and its amount of the metric, so the share of a split row can be read beside it.
 * Amounts stay DECIMAL and come back as text.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import { periodCondition } from '../allocate/lines'
import { NO_CURRENCY } from '../report/line-queries'

const ofFigure = `l.target = $1 AND coalesce(l.BillingCurrency, '${NO_CURRENCY}') = $2`

/** The figure's lines in a stable order: direct lines first, then each pool's; by source row. */
export function figureLinesSql(table: string, metric: string, limit: number | null): string {
  return `SELECT l.pool, l.method, l.rule, l.x_ImportId AS import_id, l.x_SourceRow AS source_row,
      f.x_SourceFile AS source_file, strftime(l.ChargePeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS charge_start,
      l.ServiceName AS service, l.ResourceId AS resource, f.row_amount::VARCHAR AS row_amount,
      -- The share is a ratio for reading (amount ÷ row); the amount itself is the exact figure.
      CASE WHEN f.row_amount = 0 OR f.row_amount IS NULL THEN NULL
        ELSE printf('%.9f', l.amount::DOUBLE / f.row_amount::DOUBLE) END AS share,
      l.amount::VARCHAR AS amount
    FROM ${quoteIdent(table)} l
    LEFT JOIN (SELECT x_ImportId, x_SourceRow, x_SourceFile, ${quoteIdent(metric)} AS row_amount
               FROM focus WHERE ${periodCondition('$3')}) f
      ON f.x_ImportId = l.x_ImportId AND f.x_SourceRow = l.x_SourceRow
    WHERE ${ofFigure}
    ORDER BY l.pool NULLS FIRST, l.rule NULLS LAST, l.x_ImportId, l.x_SourceRow
    ${limit === null ? '' : `LIMIT ${Math.max(0, Math.floor(limit))}`}`
}

/**
 * The figure's parts: each rule's direct lines and each pool's share, with lines and exact
 * sums, and how many distinct source rows (import and source row) the part's lines carry.
 */
export function figurePartsSql(table: string): string {
  return `SELECT l.pool, any_value(l.method) AS method, l.rule, count(*)::BIGINT AS lines,
      sum(l.amount)::VARCHAR AS amount,
      count(DISTINCT (l.x_ImportId, l.x_SourceRow))
        FILTER (WHERE l.x_ImportId IS NOT NULL AND l.x_SourceRow IS NOT NULL)::BIGINT AS pairs
    FROM ${quoteIdent(table)} l WHERE ${ofFigure}
    GROUP BY l.pool, l.rule ORDER BY l.pool NULLS FIRST, l.rule NULLS LAST`
}

/**
 * The identities of one part's source rows ($4 pool, $5 rule, null for none): the stored rows
 * of the figure's period that one of its lines names by import and source row together (a row
 * number alone also names other imports' rows), as the figure's rows.csv reads them.
 */
export function partKeysSql(table: string): string {
  return `SELECT DISTINCT f.x_ImportId, f.x_SourceRow FROM focus f
    WHERE ${periodCondition('$3')} AND EXISTS (SELECT 1 FROM ${quoteIdent(table)} l
      WHERE l.x_ImportId = f.x_ImportId AND l.x_SourceRow = f.x_SourceRow AND ${ofFigure}
        AND l.pool IS NOT DISTINCT FROM $4 AND l.rule IS NOT DISTINCT FROM $5)`
}

/** The figure's source files: per import, its rows among the lines and their source-row range. */
export function figureSourcesSql(table: string): string {
  return `SELECT i.id, i.file_name, i.sha256, i.size_bytes, i.format, s.rows, s.first_row, s.last_row
    FROM (SELECT l.x_ImportId AS id, count(DISTINCT l.x_SourceRow)::BIGINT AS rows,
            min(l.x_SourceRow) AS first_row, max(l.x_SourceRow) AS last_row
          FROM ${quoteIdent(table)} l WHERE ${ofFigure} AND l.x_ImportId IS NOT NULL GROUP BY 1) s
    JOIN imports i USING (id) ORDER BY i.id`
}

/** The figure's source rows as stored (every focus column), by import and source row. */
export function figureRowsSql(table: string): string {
  return `SELECT f.* FROM focus f
    WHERE ${periodCondition('$3')} AND EXISTS (SELECT 1 FROM ${quoteIdent(table)} l
      WHERE l.x_ImportId = f.x_ImportId AND l.x_SourceRow = f.x_SourceRow AND ${ofFigure})
    ORDER BY f.x_ImportId, f.x_SourceRow`
}
