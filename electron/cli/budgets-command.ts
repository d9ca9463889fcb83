/**
 * `focal budgets`: a month's budgets with their status and alerts (core/budgets), and
 * `focal budgets import|export` for the budgets CSV a finance team keeps. The status always
 * exits 0 when it could be computed: a crossed threshold is news, not a failure.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { fail } from '../../shared/contract'
import type { BudgetReport, BudgetStatus } from '../../shared/contract/budgets'
import { formatMoney } from '../../shared/money'
import type { CostMetric } from '../core/allocate/lines'
import { budgetReport } from '../core/budgets/budget-status'
import { exportBudgets, importBudgets } from '../core/budgets/budget-store'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const BUDGETS_HELP = `focal budgets -w <workspace.focal> --period YYYY-MM [--as-of YYYY-MM-DD]
      [--metric billed|effective] [--json]
      The month's budgets: actual to date (BilledCost by default), forecast to the month
      end with its range and method, the thresholds crossed with the day each was
      crossed, the day 100% is (or is forecast to be) reached, and the alerts. "As of"
      is the last day with data unless given. Exits 0 whatever crossed.
  focal budgets import <budgets.csv> -w <workspace.focal> [--by <dimension>] [--json]
      Import budgets: a CSV with period (YYYY-MM), dimension (a column or tag:<key>;
      or --by for every row), value, currency, amount and optional thresholds
      (percents, e.g. 50;80;100, the default). A bad row imports nothing; a row
      replaces the budget of the same period, dimension, value and currency.
  focal budgets export -w <workspace.focal> --out <budgets.csv> [--period YYYY-MM]
      Write the budgets (of one month, or all) as a CSV that import reads back.`

const METRICS: Record<string, CostMetric> = { billed: 'BilledCost', effective: 'EffectiveCost' }
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

function usage(message: string): number {
  return usageError(message, BUDGETS_HELP)
}

/** Runs `focal budgets …`; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runBudgetsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      period: { type: 'string' },
      'as-of': { type: 'string' },
      metric: { type: 'string', default: 'billed' },
      by: { type: 'string' },
      out: { type: 'string' },
    },
    BUDGETS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = 'status', ...args] = positionals
  if (!['status', 'import', 'export'].includes(action))
    return usage(`Unknown budgets action ${action}; use import or export, or none for the status.`)
  if (!values.workspace) return usage('focal budgets needs -w <workspace.focal>.')
  if (values.period !== undefined && !PERIOD.test(values.period))
    return usage(`--period must be YYYY-MM (e.g. 2025-06), not ${values.period}.`)
  const json = values.json
  try {
    if (action === 'import') {
      if (args.length !== 1) return usage('focal budgets import needs one budgets CSV file.')
      console.log(await runImport(values.workspace, args[0] ?? '', values.by, json))
      return 0
    }
    if (args.length > 0) return usage(`Unexpected argument ${args[0]}.`)
    if (action === 'export') {
      if (!values.out) return usage('focal budgets export needs --out <budgets.csv>.')
      console.log(await runExport(values.workspace, values.out, values.period ?? null, json))
      return 0
    }
    if (!values.period) return usage('focal budgets needs --period YYYY-MM (e.g. 2025-06).')
    const asOf = values['as-of']
    if (asOf !== undefined && !DAY.test(asOf))
      return usage(`--as-of must be YYYY-MM-DD, not ${asOf}.`)
    const metric = METRICS[values.metric.toLowerCase()]
    if (!metric) return usage(`--metric must be billed or effective, not ${values.metric}.`)
    const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
    try {
      const report = await budgetReport(ws, { period: values.period, asOf: asOf ?? null, metric })
      console.log(json ? JSON.stringify({ ok: true, ...report }, null, 2) : describeReport(report))
      return 0
    } finally {
      await ws.close()
    }
  } catch (cause) {
    return refused(cause, json)
  }
}

async function runImport(
  workspace: string,
  file: string,
  by: string | undefined,
  json: boolean,
): Promise<string> {
  const name = basename(file)
  const text = await readFile(resolve(file), 'utf8').catch(() =>
    fail('IO_ERROR', `Cannot read the budgets file ${name}.`, {
      hint: 'Check the file name and that you may read it.',
    }),
  )
  const ws = await Workspace.open(resolve(workspace))
  try {
    const result = await importBudgets(ws, text, name, by)
    if (json) return JSON.stringify({ ok: true, ...result }, null, 2)
    return `${name}: ${result.added} budget${result.added === 1 ? '' : 's'} added, ${result.replaced} replaced.`
  } finally {
    await ws.close()
  }
}

async function runExport(
  workspace: string,
  out: string,
  period: string | null,
  json: boolean,
): Promise<string> {
  const ws = await Workspace.open(resolve(workspace), { readOnly: true })
  let text: string
  try {
    text = await exportBudgets(ws, period)
  } finally {
    await ws.close()
  }
  await writeFile(resolve(out), text).catch(() =>
    fail('IO_ERROR', `Cannot write ${basename(out)}.`, {
      hint: 'Check that its folder exists and that you may write there.',
    }),
  )
  const count = text.split('\r\n').length - 2
  if (json) return JSON.stringify({ ok: true, file: basename(out), budgets: count }, null, 2)
  return `Wrote ${count} budget${count === 1 ? '' : 's'} to ${basename(out)}.`
}

function money(value: string, currency: string): string {
  return formatMoney(value, currency)
}

function crossedText(b: BudgetStatus): string {
  return b.crossed.map((c) => `${c.threshold}% ${c.day}`).join(', ') || '-'
}

/** The status as people read it: the method, a table, then the alerts. */
export function describeReport(report: BudgetReport): string {
  const head = `Budgets ${report.period}, as of ${report.asOf ?? 'no data'}, ${report.metric}.`
  if (report.budgets.length === 0)
    return `${head}\nNo budgets for ${report.period} (focal budgets import <budgets.csv>).`
  const table = textTable(
    ['dimension', 'value', 'amount', 'actual', 'used', 'forecast', 'range', 'crossed', '100% on'],
    report.budgets.map((b) => [
      b.dimension,
      b.value,
      money(b.amount, b.currency),
      money(b.actual, b.currency),
      b.percentUsed === null ? '-' : `${b.percentUsed}%`,
      money(b.forecast, b.currency),
      `${money(b.forecastLow, b.currency)} – ${money(b.forecastHigh, b.currency)}`,
      crossedText(b),
      b.day100 === null ? '-' : `${b.day100}${b.day100Forecast ? ' (forecast)' : ''}`,
    ]),
    new Set([2, 3, 4, 5]),
  )
  const alerts =
    report.alerts.length === 0
      ? ['No budget crossed a threshold.']
      : [
          `Alerts (${report.alerts.length}):`,
          ...report.alerts.map(
            (a) =>
              `  ${a.dimension} ${a.value} (${a.currency}) crossed ${a.threshold}% on ${a.day}: ` +
              `${money(a.actual, a.currency)} of ${money(a.amount, a.currency)} to date`,
          ),
        ]
  return [head, `Forecast: ${report.method}`, '', table, '', ...alerts].join('\n')
}
