/**
 * `focal allocate`: applies allocation rules to one billing period and prints
 * per target and currency the direct, shared and total amounts, Unallocated,
 * coverage against the target, where each split's residue went, and the
 * reconciliation line. With --rules the rules come from a file and are
 * compared with the latest saved version (before → after) without saving,
 * unless --save is given; without --rules the latest saved version is used.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parseRuleSetText, ruleSetJson } from '../../shared/allocate/parse-rules'
import type { RuleSet } from '../../shared/allocate/rule-set'
import { fail } from '../../shared/contract'
import { allocateLines, dropLines, listPeriods } from '../core/allocate/allocate'
import type { CostMetric } from '../core/allocate/lines'
import { previewAllocation, type PreviewRow } from '../core/allocate/preview'
import { latestRuleVersion, listRuleVersions, saveRuleVersion } from '../core/allocate/store'
import { importDriverCsv, importMappingCsv, type TableImport } from '../core/allocate/tables'
import { Workspace } from '../core/workspace/workspace'
import { describeAllocation } from '../core/allocate/describe'

/** Usage of `focal allocate`, for the CLI's help. */
export const ALLOCATE_HELP = `  focal allocate -w <workspace.focal> [--rules <rules.json>] [--period YYYY-MM]
                 [--metric billed|effective] [--dimension <id>] [--save --note "<why>"]
                 [--mapping <name>=<file.csv>]... [--driver <name>=<file.csv>]...
                 [--export <rules.json>] [--versions] [--json]
      Allocate a billing period (default: the latest) by the rules in a file, or by the
      latest saved version. --save stores the file's rules as a new version; --mapping and
      --driver import lookup tables (key,value) and usage drivers (target,value[,period]).`

/** Runs `focal allocate` with the arguments after the command name; returns the exit code. */
export async function runAllocateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      workspace: { type: 'string', short: 'w' },
      rules: { type: 'string' },
      period: { type: 'string' },
      metric: { type: 'string', default: 'billed' },
      dimension: { type: 'string' },
      save: { type: 'boolean', default: false },
      note: { type: 'string' },
      mapping: { type: 'string', multiple: true, default: [] },
      driver: { type: 'string', multiple: true, default: [] },
      export: { type: 'string' },
      versions: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })
  if (!values.workspace) return usage('focal allocate needs -w <workspace.focal>.')
  if (values.metric !== 'billed' && values.metric !== 'effective')
    return usage('--metric is billed or effective.')
  if (values.save && !values.rules) return usage('--save needs --rules <file> to save.')
  if (values.save && !values.note?.trim())
    return usage('--save needs --note "<why>" (every version has a note).')
  const metric: CostMetric = values.metric === 'billed' ? 'BilledCost' : 'EffectiveCost'
  const writes = values.save || values.mapping.length > 0 || values.driver.length > 0
  const ws = await Workspace.open(resolve(values.workspace), { readOnly: !writes })
  try {
    const imported: TableImport[] = []
    for (const spec of values.mapping) imported.push(await importSpec(ws, spec, 'mapping'))
    for (const spec of values.driver) imported.push(await importSpec(ws, spec, 'driver'))
    if (!values.json) for (const t of imported) console.log(describeImport(t))
    // Awaited here: a bare `return promise` lets the finally close the workspace mid-query.
    if (values.versions) return await printVersions(ws, values.json)
    const fromFile = values.rules ? readRules(values.rules) : null
    const latest = await latestRuleVersion(ws)
    const ruleSet: RuleSet | undefined = fromFile ?? latest?.ruleSet
    if (!ruleSet) {
      if (imported.length > 0) {
        if (values.json) console.log(JSON.stringify({ ok: true, imported }, null, 2))
        return 0
      }
      fail('NOT_FOUND', 'This workspace has no saved allocation rules.', {
        hint: 'Pass a rule file: focal allocate -w <workspace> --rules rules.json (see resources/examples).',
      })
    }
    if (values.export) {
      writeFileSync(resolve(values.export), ruleSetJson(ruleSet))
      if (!values.json) console.log(`Rules written to ${basename(values.export)}.`)
    }
    const period = values.period ?? (await defaultPeriod(ws))
    const options = { period, metric, ruleSet, dimension: values.dimension }
    let preview: PreviewRow[] | null = null
    let beforeVersion: number | null = null
    if (fromFile) {
      const compared = await previewAllocation(ws, options, latest)
      preview = [...compared.rows]
      beforeVersion = compared.beforeVersion
    }
    const saved =
      values.save && fromFile
        ? await saveRuleVersion(ws, fromFile, values.note?.trim() ?? '')
        : null
    const { table, ...result } = await allocateLines(ws, options)
    await dropLines(ws, table)
    const source = fromFile
      ? `${basename(values.rules ?? '')} (${result.ruleVersion === null ? 'not saved' : `version ${result.ruleVersion}`})`
      : `saved version ${latest?.version} of ${latest?.createdAt} by ${latest?.author}: ${latest?.note}`
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            ok: true,
            workspace: basename(values.workspace),
            rules: source,
            saved,
            imported,
            beforeVersion,
            preview,
            ...result,
          },
          null,
          2,
        ),
      )
    } else {
      if (saved)
        console.log(
          saved.created
            ? `Saved as version ${saved.version}.`
            : `Unchanged: same as version ${saved.version}; nothing saved.`,
        )
      console.log(describeAllocation(result, { source, preview, beforeVersion }))
    }
    return 0
  } finally {
    ws.close()
  }
}

async function importSpec(
  ws: Workspace,
  spec: string,
  kind: 'mapping' | 'driver',
): Promise<TableImport> {
  const at = spec.indexOf('=')
  if (at <= 0) fail('BAD_REQUEST', `--${kind} takes <name>=<file.csv>, not "${spec}".`)
  const name = spec.slice(0, at)
  const path = resolve(spec.slice(at + 1))
  return kind === 'mapping' ? importMappingCsv(ws, name, path) : importDriverCsv(ws, name, path)
}

function describeImport(t: TableImport): string {
  return `Imported ${t.kind} ${t.name}: ${t.rows} rows (sha256 ${t.sha256.slice(0, 12)}…).`
}

function readRules(path: string): RuleSet {
  let text: string
  try {
    text = readFileSync(resolve(path), 'utf8')
  } catch {
    fail('IO_ERROR', `Cannot read the rule file ${basename(path)}.`)
  }
  return parseRuleSetText(text, basename(path))
}

async function defaultPeriod(ws: Workspace): Promise<string> {
  const periods = await listPeriods(ws)
  const last = periods[periods.length - 1]
  if (!last)
    fail('NO_ROWS', 'The workspace has no cost rows to allocate.', {
      hint: 'Import a billing file first: focal import <file> -w <workspace>.',
    })
  return last.period
}

async function printVersions(ws: Workspace, json: boolean): Promise<number> {
  const versions = await listRuleVersions(ws)
  if (json) console.log(JSON.stringify({ ok: true, versions }, null, 2))
  else if (versions.length === 0) console.log('No saved allocation rules.')
  else
    for (const v of versions) console.log(`v${v.version}  ${v.createdAt}  ${v.author}  ${v.note}`)
  return 0
}

function usage(message: string): number {
  console.error(`${message}\nRun focal --help for usage.`)
  return 2
}
