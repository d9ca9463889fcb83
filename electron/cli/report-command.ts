/**
 * `focal report chargeback|showback`: writes the monthly pack with the same
 * core function the app uses (core/report/pack.ts). Finance scripts the month
 * end with it, so every failure is a sentence and a non-zero exit code.
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { fail } from '../../shared/contract'
import { parseRuleSetText } from '../../shared/allocate/parse-rules'
import type { RuleSet } from '../../shared/allocate/rule-set'
import { rateLabel } from '../../shared/fx'
import { parseDimension } from '../../shared/pivot'
import {
  REPORT_METRIC_LABEL,
  formatAmount,
  formatExact,
  kindTitle,
  journalStatements,
  parseBudgetsCsv,
  parseLedgerMapCsv,
  type Budget,
  type LedgerMapping,
  type ReportKind,
} from '../../shared/report'
import type { CostMetric } from '../core/allocate/lines'
import { allocationLinesSource } from '../core/report/allocation-source'
import { dimensionLinesSource } from '../core/report/lines-source'
import { PACK_FORMATS, type PackFormat } from '../core/report/pack-files'
import { ALL_FORMATS, writePack, type PackResult } from '../core/report/pack'
import { readLedgerMapping, readReportSettings } from '../core/report/settings'
import { Workspace } from '../core/workspace/workspace'
import { refused } from './format'
import { applyMask, MASK_HELP, MASK_OPTIONS } from './mask-option'
import { parseCommand, usageError } from './usage'

/** Help text of `focal report`. */
export const REPORT_HELP = `focal report chargeback|showback -w <workspace.focal> --period YYYY-MM --out <folder>
      (--by <dimension> | --rules <rules.json>|saved [--dimension <id>])
      [--format pdf,xlsx,csv,focus-csv,parquet] [--metric billed|effective] [--company "Name"]
      [--logo file.png] [--top N] [--budgets budgets.csv] [--ledger ledger.csv]
      [--credit-account <account>] [--ledger-by <dimension>] [--reporting-currency <code>]
      [--unit-metric <metric>] [--overwrite] [--json] [--mask]
  Writes the month's pack: a summary PDF, one PDF per cost center, an XLSX
  (Summary, Per cost center, Detail, Journal, Audit), summary and journal CSVs,
  and the allocated rows as FOCUS CSV and Parquet, plus a manifest with SHA-256s.
  --by        a FOCUS column (SubAccountName) or tag:<key>; rows without a value go to Unallocated
  --rules     allocation rules from a file, or "saved" for the workspace's latest saved version
              (mapping and driver tables come from focal allocate --mapping/--driver)
  --metric    billed (BilledCost, the invoice; default) or effective (amortized EffectiveCost)
  --budgets   CSV with target,currency,amount[,period]: Budget and Variance columns in the pack
              (the file wins; without it, the workspace's budgets of the period, focal budgets)
  --ledger    CSV with target,ledger_account,cost_center_code: each cost center's expense
              account and code in the journal
  --credit-account  the account the cloud invoice was booked to (the journal's credit side);
              the journal balances debits = credits per currency. Without --ledger or
              --credit-account, the ones kept in the workspace (Reports screen) are used
  --ledger-by where cost centers missing from --ledger take their account (default tag:ledger_account);
              a charge with no account is listed as not posted, never written with an empty account
  --reporting-currency  also state every cost center and the total in this currency (e.g. EUR),
              converted with the rates of focal fx import at the period's rate (the month's rate,
              else the last daily rate dated in the month), labelled with the rate's date and
              source; the original amounts stay the ones that reconcile. A missing rate is an
              error (FX_RATE_MISSING) naming the currency and month, and nothing is written
  --top       rows in the top-resources and by-service tables before "Other" (default 10)
  --unit-metric  showback only: add <pack>-unit-costs.csv, the month's cost per unit of a business
              metric of focal metrics import (every dimension value summed), per day and for the
              month and per currency; a day without a metric value is a gap, never zero
  --mask      ${MASK_HELP}
`

const METRICS: Record<string, CostMetric> = { billed: 'BilledCost', effective: 'EffectiveCost' }

function usage(message: string): number {
  return usageError(message, REPORT_HELP)
}

function parseFormats(text: string | undefined): PackFormat[] | string {
  if (!text) return [...ALL_FORMATS]
  const formats = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
  const unknown = formats.filter((f) => !PACK_FORMATS.includes(f as PackFormat))
  if (unknown.length > 0)
    return `Unknown format ${unknown.join(', ')}; use ${PACK_FORMATS.join(', ')}.`
  return formats as PackFormat[]
}

function readBudgets(path: string | undefined): Budget[] | undefined {
  // Without a file the pack reads the workspace's budgets of the period.
  if (!path) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    fail('IO_ERROR', `Cannot read the budgets file ${basename(path)}.`)
  }
  return parseBudgetsCsv(text, basename(path))
}

function readLedgerMap(path: string | undefined): LedgerMapping[] | undefined {
  if (!path) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    fail('IO_ERROR', `Cannot read the ledger mapping file ${basename(path)}.`)
  }
  return parseLedgerMapCsv(text, basename(path))
}

/** The rule set of --rules: a file, or undefined for "saved" (the latest saved version). */
function readRules(path: string | undefined): RuleSet | undefined {
  if (!path || path === 'saved') return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    fail('IO_ERROR', `Cannot read the rule file ${basename(path)}.`)
  }
  return parseRuleSetText(text, basename(path))
}

/**
 * Runs `focal report …`; `argv` is everything after `report`
 * (e.g. ["chargeback", "-w", "acme.focal", "--period", "2024-09", …]).
 * Returns the exit code: 0 written, 1 refused or failed (with a sentence), 2 usage.
 */
export async function runReportCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      period: { type: 'string' },
      by: { type: 'string' },
      rules: { type: 'string' },
      dimension: { type: 'string' },
      out: { type: 'string', short: 'o' },
      format: { type: 'string' },
      metric: { type: 'string', default: 'billed' },
      company: { type: 'string' },
      logo: { type: 'string' },
      top: { type: 'string', default: '10' },
      budgets: { type: 'string' },
      ledger: { type: 'string' },
      'credit-account': { type: 'string' },
      'ledger-by': { type: 'string', default: 'tag:ledger_account' },
      'reporting-currency': { type: 'string' },
      'unit-metric': { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...MASK_OPTIONS,
    },
    REPORT_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const kind = positionals[0]
  if (kind !== 'chargeback' && kind !== 'showback')
    return usage('focal report needs chargeback or showback.')
  if (positionals.length > 1) return usage(`Unexpected argument ${positionals[1]}.`)
  if (!values.workspace) return usage('focal report needs -w <workspace.focal>.')
  if (!values.period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period))
    return usage('focal report needs --period YYYY-MM (e.g. --period 2024-09).')
  if (!values.by === !values.rules)
    return usage(
      'focal report needs either --by <column or tag:key> or --rules <rules.json|saved>.',
    )
  if (values.dimension && !values.rules) return usage('--dimension goes with --rules.')
  if (!values.out) return usage('focal report needs --out <folder>.')
  if (values['unit-metric'] !== undefined && kind !== 'showback')
    return usage('--unit-metric goes with focal report showback.')
  const metric = METRICS[values.metric.toLowerCase()]
  if (!metric) return usage(`--metric must be billed or effective, not ${values.metric}.`)
  const topN = Number(values.top)
  if (!Number.isInteger(topN) || topN < 1 || topN > 1000)
    return usage('--top must be a whole number from 1 to 1000.')
  const formats = parseFormats(values.format)
  if (typeof formats === 'string') return usage(formats)

  const json = values.json
  try {
    const budgets = readBudgets(values.budgets)
    const ledgerMapping = readLedgerMap(values.ledger)
    const source = values.by
      ? dimensionLinesSource(parseDimension(values.by))
      : allocationLinesSource({ ruleSet: readRules(values.rules), dimension: values.dimension })
    const ws = await Workspace.open(resolve(values.workspace))
    const started = performance.now()
    let result: PackResult
    try {
      await applyMask(ws, values)
      const tty = !json && process.stderr.isTTY
      result = await writePack(
        ws,
        {
          kind: kind as ReportKind,
          period: values.period,
          metric,
          source,
          outDir: resolve(values.out),
          formats,
          company: values.company ?? null,
          logo: values.logo ? resolve(values.logo) : null,
          topN,
          budgets,
          ledger: parseDimension(values['ledger-by']),
          // Without the flags, the mapping and account kept in the workspace (the Reports screen's).
          ledgerMapping: ledgerMapping ?? (await readLedgerMapping(ws)).rows,
          creditAccount: values['credit-account'] ?? (await readReportSettings(ws)).creditAccount,
          overwrite: values.overwrite,
          reportingCurrency: values['reporting-currency']?.toUpperCase() ?? null,
          unitMetric: values['unit-metric'] ? { metric: values['unit-metric'] } : null,
        },
        (p) => {
          if (tty)
            process.stderr.write(
              `\r${`${p.phase} ${p.done}/${p.total} ${p.file ?? ''}`.slice(0, 79).padEnd(80)}`,
            )
        },
      )
      if (tty) process.stderr.write('\r'.padEnd(81) + '\r')
    } finally {
      ws.close()
    }
    const seconds = (performance.now() - started) / 1000
    if (json)
      console.log(
        JSON.stringify(
          {
            ok: true,
            outDir: resolve(values.out),
            files: result.files,
            reconciliation: result.model.reconciliation,
            // A showback is not booked: no journal to state.
            ...(result.journal
              ? {
                  journal: {
                    balances: result.journal.balances,
                    unposted: result.journal.unposted,
                  },
                }
              : {}),
            ...(result.model.reporting ? { reportingCurrency: result.model.reporting } : {}),
            timings: result.timings,
          },
          null,
          2,
        ),
      )
    else console.log(describePack(result, resolve(values.out), seconds))
    return 0
  } catch (cause) {
    return refused(cause, json)
  }
}

/** What a person reads after a pack: what, how much, reconciled or not, which files, how long. */
function describePack(result: PackResult, outDir: string, seconds: number): string {
  const m = result.model
  const centers = m.targets.filter((t) => !t.unallocated).length
  const lines = [
    `${kindTitle(m.kind)} ${m.period} · ${REPORT_METRIC_LABEL[m.metric]} · ${m.ruleSet}`,
    `  ${centers} cost center${centers === 1 ? '' : 's'} + Unallocated`,
    ...m.totals.map((t) => {
      const r = m.reconciliation.find((l) => l.currency === t.currency)
      return `  ${t.currency}: ${formatAmount(t.charged, t.currency)} (exact ${formatExact(t.exact, t.currency)}) — ${r?.ok ? 'reconciled to the period total' : 'NOT reconciled'}`
    }),
    ...(result.journal ? journalStatements(result.journal) : []).map((s) => `  ${s}`),
    ...reportingLines(m),
    `  ${result.files.length} files in ${outDir}`,
    ...result.files.filter((f) => f.kind !== 'target-pdf').map((f) => `    ${f.path}`),
    `    cost-centers/ (${result.files.filter((f) => f.kind === 'target-pdf').length} PDFs)`,
    `  took ${seconds.toFixed(1)} s`,
  ]
  return lines.join('\n')
}

/** The pack's total in the reporting currency and each rate it was converted with. */
function reportingLines(model: PackResult['model']): string[] {
  const r = model.reporting
  if (!r) return []
  return [
    `  In ${r.currency}: ${formatAmount(r.total, r.currency)} (exact ${r.total})`,
    ...model.currencies.filter((c) => c !== r.currency).map((c) => `    ${rateLabel(r, c) ?? c}`),
  ]
}
