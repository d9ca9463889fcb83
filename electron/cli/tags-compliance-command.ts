/**
 * `focal tags compliance`: a period's tag compliance (electron/core/compliance) under the
 * stored tag policy, or a policy file given with --policy (which is measured, not saved;
 * --save stores it as the new version); --out writes one CSV per owner of the resources to fix.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { fail } from '../../shared/contract'
import type { ComplianceGroup, ComplianceReport } from '../../shared/contract/compliance'
import { isPeriod } from '../../shared/report/periods'
import { parsePolicyJson } from '../../shared/compliance/policy-file'
import { complianceReport, type ComplianceInput } from '../core/compliance/compliance-report'
import { ownerCsvFiles, resourcesToFix } from '../core/compliance/owner-csv'
import {
  checkCompliancePolicy,
  readCompliancePolicy,
  saveCompliancePolicy,
} from '../core/compliance/policy-store'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError } from './usage'

/** Help text of `focal tags compliance`. */
export const TAGS_COMPLIANCE_HELP = `focal tags compliance -w <workspace.focal> [--period YYYY-MM] [--policy <file.json> [--save]]
        [--metric BilledCost|EffectiveCost] [--out <folder>] [--json]
      Tag compliance of a billing period (the latest with data if not given): the share of
      cost (BilledCost unless --metric) on rows carrying every required tag key with an
      allowed value, per currency, by owner, account and service; the largest resources to
      fix and the share in every period. Keys are read through the tag alias policy.
      --policy measures a policy file (JSON: keys [{key, values | pattern}], scope
      {services, accounts}, ownerKey) instead of the stored one; --save stores it.
      --out writes one CSV per owner of the resources to fix into <folder>.`

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  period: { type: 'string' },
  policy: { type: 'string' },
  save: { type: 'boolean', default: false },
  metric: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

function usage(message: string): number {
  return usageError(message, TAGS_COMPLIANCE_HELP)
}

/** Runs `focal tags compliance …`; `argv` is everything after `compliance`. Exit 0, 1 refused, 2 usage. */
export async function runTagsComplianceCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, TAGS_COMPLIANCE_HELP)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length > 0) return usage('focal tags compliance takes no arguments.')
  if (!values.workspace) return usage('focal tags compliance needs -w <workspace.focal>.')
  if (values.period !== undefined && !isPeriod(values.period))
    return usage(`--period ${values.period} is not a month; write it as YYYY-MM.`)
  const metric = values.metric ?? 'BilledCost'
  if (metric !== 'BilledCost' && metric !== 'EffectiveCost')
    return usage(`--metric ${metric} is not a cost metric; use BilledCost or EffectiveCost.`)
  if (values.save && !values.policy) return usage('--save needs --policy <file.json>.')
  try {
    const policyFile = values.policy ? await readPolicyFile(values.policy) : null
    const ws = await Workspace.open(resolve(values.workspace), { readOnly: !values.save })
    let input: ComplianceInput
    let report: ComplianceReport
    const written: string[] = []
    try {
      input = await inputOf(ws, policyFile, values.save, values.period ?? null, metric)
      report = await complianceReport(ws, input)
      if (values.out && report.period) {
        const resources = await resourcesToFix(ws, { ...input, period: report.period }, null)
        const folder = resolve(values.out)
        await mkdir(folder, { recursive: true })
        for (const file of ownerCsvFiles(resources, report.period, metric)) {
          await writeFile(join(folder, file.fileName), file.text)
          written.push(file.fileName)
        }
      }
    } finally {
      await ws.close()
    }
    if (values.json) console.log(JSON.stringify({ ok: true, ...report, files: written }, null, 2))
    else console.log(describeReport(report, written))
    return 0
  } catch (cause) {
    return refused(cause, values.json)
  }
}

async function readPolicyFile(file: string): Promise<{ name: string; text: string }> {
  const name = basename(file)
  try {
    return { name, text: await readFile(resolve(file), 'utf8') }
  } catch {
    return fail('IO_ERROR', `Cannot read the policy file ${name}.`)
  }
}

async function inputOf(
  ws: Workspace,
  file: { name: string; text: string } | null,
  save: boolean,
  period: string | null,
  metric: ComplianceInput['metric'],
): Promise<ComplianceInput> {
  if (file && !save) {
    const policy = parsePolicyJson(file.text, file.name)
    await checkCompliancePolicy(ws, policy, file.name)
    return { period, metric, policy, policySource: 'file', policyVersion: null }
  }
  const state = file
    ? await saveCompliancePolicy(ws, parsePolicyJson(file.text, file.name), file.name, file.name)
    : await readCompliancePolicy(ws)
  return {
    period,
    metric,
    policy: state.policy,
    policySource: state.version === null ? 'default' : 'stored',
    policyVersion: state.version,
  }
}

/** The report as text: the share per currency, each key, the breakdowns, the resources and the trend. */
export function describeReport(report: ComplianceReport, written: readonly string[] = []): string {
  if (report.period === null) return 'No imported rows: there is nothing to measure.'
  const source =
    report.policySource === 'stored'
      ? `stored policy version ${report.policyVersion}`
      : report.policySource === 'file'
        ? 'the policy file'
        : 'the default policy'
  const pct = (p: string | null): string => (p === null ? '—' : `${p}%`)
  const cur = (c: string | null): string => c ?? '(no currency)'
  const lines = [
    `Tag compliance ${report.period} (${report.metric}, ${source}; required: ${report.policy.keys.map((k) => k.key).join(', ')})`,
    ...report.totals.map(
      (t) =>
        `  ${cur(t.currency)}: ${pct(t.percent)} compliant — ${t.compliant} of ${t.cost} in scope` +
        (t.outOfScope !== '0' ? `; ${t.outOfScope} out of scope` : ''),
    ),
    '',
    textTable(
      ['key', 'reads', 'currency', 'missing', 'not allowed'],
      report.keys.map((k) => [k.key, k.reads.join(', '), cur(k.currency), k.missing, k.wrong]),
      new Set([3, 4]),
    ),
  ]
  const table = (title: string, rows: readonly ComplianceGroup[]): string[] => [
    '',
    textTable(
      [title, 'currency', 'in scope', 'compliant', '%'],
      rows.map((g) => [
        g.label ? `${g.group} (${g.label})` : g.group,
        cur(g.currency),
        g.cost,
        g.compliant,
        pct(g.percent),
      ]),
      new Set([2, 3, 4]),
    ),
  ]
  lines.push(...table('owner', report.byOwner))
  lines.push(...table('account', report.byAccount))
  lines.push(...table('service', report.byService))
  lines.push(
    '',
    report.resources.length === 0
      ? 'No resource to fix.'
      : textTable(
          ['resource', 'service', 'owner', 'currency', 'cost', 'missing', 'not allowed'],
          report.resources.map((r) => [
            r.resourceId ?? '(no ResourceId)',
            r.service ?? '',
            r.owner,
            cur(r.currency),
            r.cost,
            r.missing.join(', '),
            r.wrong.map((w) => `${w.key}=${w.values.join('|')}`).join(', '),
          ]),
          new Set([4]),
        ),
    '',
    textTable(
      ['period', 'currency', 'in scope', 'compliant', '%'],
      report.trend.map((t) => [t.period, cur(t.currency), t.cost, t.compliant, pct(t.percent)]),
      new Set([2, 3, 4]),
    ),
  )
  if (written.length > 0)
    lines.push('', `Wrote ${written.length} owner CSV file(s): ${written.join(', ')}`)
  return lines.join('\n')
}
