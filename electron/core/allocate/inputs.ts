/**
 * The imported tables a dimension's rules read (mappings, driver tables):
 * checked to exist before the rules run, so a missing table is named with the
 * rule or pool that needs it, and stated with a digest of their content in
 * the result, so a report can say exactly which mapping produced it.
 */
import type { AllocationDimension, Condition } from '../../../shared/allocate/rule-set'
import { fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { hasAllocationTables } from './store'
import { tableDigest } from './tables'

/** One imported table an allocation used. */
export interface InputTable {
  readonly kind: 'mapping' | 'driver'
  readonly name: string
  readonly rows: number
  /** SHA-256 of the table's sorted content. */
  readonly digest: string | null
}

/** Fails NOT_FOUND naming the rule or pool whose table is missing; returns the tables used. */
export async function checkInputs(
  ws: Workspace,
  dimension: AllocationDimension,
): Promise<InputTable[]> {
  const needed: Array<{ kind: 'mapping' | 'driver'; name: string; by: string }> = []
  dimension.rules.forEach((rule, i) => {
    if (rule.then.kind === 'mapping')
      needed.push({ kind: 'mapping', name: rule.then.mapping, by: `rule "${rule.id}" (#${i + 1})` })
  })
  for (const pool of dimension.pools) {
    if (pool.method === 'driver' && 'table' in pool.driver)
      needed.push({ kind: 'driver', name: pool.driver.table, by: `pool "${pool.id}"` })
  }
  if (needed.length === 0) return []
  const exists = await hasAllocationTables(ws)
  const seen = new Map<string, InputTable>()
  for (const { kind, name, by } of needed) {
    const key = `${kind}:${name}`
    if (seen.has(key)) continue
    const { rows, digest } = exists ? await tableDigest(ws, kind, name) : { rows: 0, digest: null }
    if (rows === 0) {
      fail(
        'NOT_FOUND',
        `Dimension "${dimension.id}", ${by}: no ${kind} table "${name}" in the workspace.`,
        {
          hint: `Import it first: focal allocate -w <workspace> --${kind} ${name}=<file.csv>`,
        },
      )
    }
    seen.set(key, { kind, name, rows, digest })
  }
  return [...seen.values()]
}

/** Fails BAD_VALUE naming the rule (or pool) and field of a pattern DuckDB's RE2 refuses. */
export async function checkPatterns(ws: Workspace, dimension: AllocationDimension): Promise<void> {
  const patterns: Array<{ condition: Condition; where: string }> = []
  const collect = (conditions: readonly Condition[], where: string): void =>
    conditions.forEach((condition, i) => {
      if (condition.op === 'regex') patterns.push({ condition, where: `${where}, when[${i}]` })
    })
  dimension.rules.forEach((rule, i) => collect(rule.when, `rule "${rule.id}" (#${i + 1})`))
  for (const pool of dimension.pools) {
    if (pool.method === 'driver' && 'field' in pool.driver)
      collect(pool.driver.when, `pool "${pool.id}", driver`)
  }
  for (const { condition, where } of patterns) {
    if (condition.op !== 'regex') continue
    try {
      await ws.all("SELECT regexp_matches('', $1) AS ok", [condition.pattern])
    } catch (cause) {
      const reason = (cause as Error).message.split('\n')[0]
      fail('BAD_VALUE', `Dimension "${dimension.id}", ${where}.pattern: ${reason}`, {
        hint: 'DuckDB uses RE2 regular expressions: no look-ahead, look-behind or back-references.',
      })
    }
  }
}
