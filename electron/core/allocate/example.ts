/**
 * The bundled example (resources/examples): the rule set written for the demo
 * data, plus the mapping and driver tables its rules read. A table the
 * workspace already holds is left alone, so loading the example never
 * replaces a mapping someone imported on purpose.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseRuleSetText } from '../../../shared/allocate/parse-rules'
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { fail, type AllocationExample } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { hasAllocationTables } from './store'
import { importDriverCsv, importMappingCsv, tableDigest } from './tables'

/** The example rule file's name inside the examples folder. */
export const EXAMPLE_RULES_FILE = 'allocation-rules.json'

/** Reads the example rules and imports the tables they need that the workspace lacks. */
export async function loadExample(
  ws: Workspace,
  examplesDir: string | null,
): Promise<AllocationExample> {
  const file = examplesDir ? join(examplesDir, EXAMPLE_RULES_FILE) : null
  if (!examplesDir || !file || !existsSync(file))
    fail('NOT_FOUND', 'This build ships no example allocation rules.')
  const ruleSet = parseRuleSetText(readFileSync(file, 'utf8'), EXAMPLE_RULES_FILE)
  const imported: AllocationExample['imported'] = []
  const tables = neededTables(ruleSet)
  if (tables.length > 0 && !(await hasAllocationTables(ws)))
    fail('BAD_REQUEST', 'The workspace is open read-only; the example tables cannot be imported.')
  for (const { kind, name } of tables) {
    if ((await tableDigest(ws, kind, name)).rows > 0) continue
    // Table names come from our own bundled file and are ids (no "/" or ".." possible).
    const csv = join(examplesDir, `${name}.csv`)
    if (!existsSync(csv)) continue
    const done =
      kind === 'mapping'
        ? await importMappingCsv(ws, name, csv)
        : await importDriverCsv(ws, name, csv)
    imported.push({ kind, name, rows: done.rows })
  }
  return { ruleSet, imported }
}

/** The mapping and driver tables a rule set's rules and pools read, each once. */
export function neededTables(
  ruleSet: RuleSet,
): Array<{ kind: 'mapping' | 'driver'; name: string }> {
  const seen = new Map<string, { kind: 'mapping' | 'driver'; name: string }>()
  for (const dimension of ruleSet.dimensions) {
    for (const rule of dimension.rules)
      if (rule.then.kind === 'mapping')
        seen.set(`m:${rule.then.mapping}`, { kind: 'mapping', name: rule.then.mapping })
    for (const pool of dimension.pools)
      if (pool.method === 'driver' && 'table' in pool.driver)
        seen.set(`d:${pool.driver.table}`, { kind: 'driver', name: pool.driver.table })
  }
  return [...seen.values()]
}
