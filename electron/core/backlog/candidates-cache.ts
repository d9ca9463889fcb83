/**
 * The backlog candidates kept in memory per workspace (issue 13): proposing them reads every
 * cost row (seconds at a million rows), yet they change only with the data. An answer is kept
 * under the stamp of the data it was read from (query/rollup-sql.ts: cost rows, imports,
 * superseded scopes, merged views), the tag alias overrides (they decide which rows have an
 * owner tag) and the options asked, so opening the Backlog tab again, or accepting a candidate,
 * does not rescan, and an import or an alias edit changes the key. Nothing is stored in the
 * workspace.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { canonicalJson } from '../../../shared/canonical-json'
import { presentationOf } from '../presentation/presentation-mode'
import { ROLLUP_STAMP_SQL } from '../query/rollup-sql'
import { readTagOverrides } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'

/** Answers kept per workspace (a few thresholds and windows a person tries in turn). */
export const CANDIDATE_ANSWERS = 8

const answers = new WeakMap<Workspace, Map<string, unknown>>()
let scans = 0

/** How many times the candidates were read from the rows in this process (a test's witness). */
export function candidateScans(): number {
  return scans
}

/** The key of the data and alias policy now, with `options`, read on `connection`. */
async function dataKey(
  ws: Workspace,
  connection: DuckDBConnection,
  options: unknown,
): Promise<string> {
  const [row] = await ws.all(`${ROLLUP_STAMP_SQL} AS stamp`, [], connection)
  const overrides = await readTagOverrides(ws, connection)
  // Presentation mode changes the answer (aliases) but not the data stamp.
  return canonicalJson([String(row?.stamp ?? ''), overrides, options, presentationOf(ws)])
}

/**
 * The answer of `scan` for `options` on the data now: the kept one when the data, the alias
 * policy and the options are the same, else `scan`'s, kept when the data did not change while
 * it ran (an import that committed meanwhile may or may not be in it).
 */
export async function cachedCandidates<T>(
  ws: Workspace,
  connection: DuckDBConnection,
  options: unknown,
  scan: () => Promise<T>,
): Promise<T> {
  const own = answers.get(ws) ?? new Map<string, unknown>()
  answers.set(ws, own)
  const key = await dataKey(ws, connection, options)
  if (own.has(key)) {
    const found = own.get(key) as T
    // Map keeps insertion order: re-inserting makes it the newest.
    own.delete(key)
    own.set(key, found)
    return found
  }
  scans += 1
  const found = await scan()
  if ((await dataKey(ws, connection, options)) !== key) return found
  own.set(key, found)
  for (const oldest of own.keys()) {
    if (own.size <= CANDIDATE_ANSWERS) break
    own.delete(oldest)
  }
  return found
}
