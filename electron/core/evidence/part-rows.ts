/**
 * The source rows of one part of a report figure (contract ExplainPartSchema), for the Rows
 * drawer and its evidence bundle: the figure's lines are made again (report-figure.ts) and
 * the identities of exactly the part's rows kept in a temp table on the writer, where the
 * lines table lives. Nothing is listed across IPC, so a part of any size is exact.
 */
import { fail } from '../../../shared/contract'
import type { ExplainPart } from '../../../shared/contract/explain'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { partKeysSql } from './explain-sql'
import { withExplainedFigure } from './report-figure'

/** Runs `work` with the name of a writer temp table of the part's (x_ImportId, x_SourceRow). */
export async function withPartKeys<T>(
  ws: Workspace,
  part: ExplainPart,
  work: (keys: string, count: number) => Promise<T>,
): Promise<T> {
  return withExplainedFigure(ws, part.figure, async (figure, table) => {
    const found = figure.parts.find((p) => p.rows.pool === part.pool && p.rows.rule === part.rule)
    if (!found)
      fail(
        'NOT_FOUND',
        `${figure.target}'s ${figure.kind} figure of ${figure.period} has no part ${part.pool ?? part.rule ?? '(no rule)'} now.`,
        { hint: 'Explain the figure again and open the rows of one of its parts from there.' },
      )
    const keys = ws.tempName('part_keys')
    try {
      await ws.all(`CREATE TEMP TABLE ${quoteIdent(keys)} AS ${partKeysSql(table)}`, [
        figure.target,
        figure.currency,
        figure.period,
        part.pool,
        part.rule,
      ])
      return await work(keys, found.rows.count)
    } finally {
      await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(keys)}`)
    }
  })
}
