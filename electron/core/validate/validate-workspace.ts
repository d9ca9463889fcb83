/**
 * `focal validate -w`: checks the rows a workspace counts (the focus view)
 * against the FOCUS rules, with the workspace opened read-only. Rows are
 * stored typed, so type rules cannot fail; presence is a property of a file's
 * header and is checked by validating the file itself.
 */
import { basename } from 'node:path'
import { FOCUS_VERSIONS, focusColumn, type FocusVersion } from '../../../shared/focus'
import { STORED_COLUMNS } from '../../../shared/focus/rules-sql'
import { Workspace } from '../workspace/workspace'
import { runRules, tally, type Validation } from './rule-results'

/** Validates the stored rows of the workspace at `path` (opened read-only). */
export async function validateWorkspace(path: string): Promise<Validation> {
  const ws = await Workspace.open(path, { readOnly: true })
  try {
    const { version, present } = await importedColumns(ws)
    const { rows, rules } = await runRules(ws, 'focus', STORED_COLUMNS, {
      version,
      present,
      rowExpr: 'x_SourceRow',
      fileExpr: 'x_SourceFile',
      checkPresence: false,
    })
    return {
      name: basename(path),
      source: 'workspace',
      dataset: 'CostAndUsage',
      format: 'workspace',
      focusVersion: version,
      rows,
      rules,
      ...tally(rules),
      error: null,
    }
  } finally {
    await ws.close()
  }
}

/**
 * The FOCUS columns some import filled (a column no file had is null on every
 * row, which is absence, not a broken rule) and the oldest FOCUS version among
 * the imports, so a rule newer than a file is not held against its rows.
 */
async function importedColumns(
  ws: Workspace,
): Promise<{ version: FocusVersion; present: Set<string> }> {
  const imports = await ws.all(
    "SELECT focus_version, column_map FROM imports WHERE status = 'imported'",
  )
  const present = new Set<string>()
  let oldest = FOCUS_VERSIONS.length - 1
  for (const row of imports) {
    const at = FOCUS_VERSIONS.indexOf(String(row.focus_version) as FocusVersion)
    if (at >= 0) oldest = Math.min(oldest, at)
    const map = JSON.parse(String(row.column_map ?? '[]')) as Array<{ target: string }>
    for (const { target } of map) if (focusColumn(target)) present.add(target)
  }
  return { version: FOCUS_VERSIONS[oldest] ?? '1.4', present }
}
