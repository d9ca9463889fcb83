/**
 * `focal close`, `focal reopen` and `focal periods`: a controller closes the
 * month from a script as from the Reports screen, with the same core
 * (core/close). A close freezes the figures a pack would state: grouped by
 * --by, or by the saved allocation rules (the default when a version is saved).
 */
import { resolve } from 'node:path'
import { fail } from '../../shared/contract'
import { parseDimension } from '../../shared/pivot'
import { formatExact } from '../../shared/report'
import type { CostMetric } from '../core/allocate/lines'
import { latestRuleVersion } from '../core/allocate/store'
import { closePeriod, reopenPeriod } from '../core/close/close-period'
import { listPeriods, type PeriodEntry } from '../core/close/period-list'
import { describeClose, type CloseRecord } from '../core/close/period-records'
import { allocationLinesSource } from '../core/report/allocation-source'
import { dimensionLinesSource } from '../core/report/lines-source'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal close`, `focal reopen` and `focal periods`. */
export const CLOSE_HELP = `focal close -w <workspace.focal> --period YYYY-MM --note "<why>"
      [--by <dimension> | --rules saved [--dimension <id>]] [--metric billed|effective] [--json]
  Closes the month: records its figures per cost center and currency, its totals,
  the rule version, data and allocation fingerprints and the last pack's file
  hashes. An import with rows in a closed month is then refused (PERIOD_CLOSED).
  The figures are those of --by, or of the saved allocation rules (the default).
  focal reopen -w <workspace.focal> --period YYYY-MM --note "<why>" [--json]
  Reopens a closed month (the close stays on record); its next pack states the
  changes since the close per cost center and currency.
  focal periods -w <workspace.focal> [--json]
  Lists the months: Open, Closed or Reopened, with when, who and why, and the
  packs exported, each marked when it no longer matches the data.
`

const METRICS: Record<string, CostMetric> = { billed: 'BilledCost', effective: 'EffectiveCost' }
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

/** Runs `focal close|reopen|periods`; `argv` is everything after the command. Exit 0, 1 refused, 2 usage. */
export async function runCloseCommand(
  command: 'close' | 'reopen' | 'periods',
  argv: string[],
): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      period: { type: 'string' },
      note: { type: 'string' },
      by: { type: 'string' },
      rules: { type: 'string' },
      dimension: { type: 'string' },
      metric: { type: 'string', default: 'billed' },
    },
    CLOSE_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const usage = (message: string): number => usageError(message, CLOSE_HELP)
  if (positionals.length > 0) return usage(`Unexpected argument ${positionals[0]}.`)
  if (!values.workspace) return usage(`focal ${command} needs -w <workspace.focal>.`)
  if (command !== 'periods') {
    if (!values.period || !PERIOD.test(values.period))
      return usage(`focal ${command} needs --period YYYY-MM (e.g. --period 2024-09).`)
    if (!values.note?.trim()) return usage(`focal ${command} needs --note "<why>".`)
  }
  if (command !== 'close' && (values.by || values.rules || values.dimension))
    return usage(`--by, --rules and --dimension go with focal close.`)
  if (values.by && values.rules) return usage('Give --by or --rules, not both.')
  if (values.rules && values.rules !== 'saved')
    return usage('focal close takes --rules saved: a month closes on rules saved in the workspace.')
  if (values.dimension && values.by) return usage('--dimension goes with --rules.')
  const metric = METRICS[values.metric.toLowerCase()]
  if (!metric) return usage(`--metric must be billed or effective, not ${values.metric}.`)

  try {
    const ws = await Workspace.open(resolve(values.workspace), {
      readOnly: command === 'periods',
    })
    try {
      if (command === 'periods') {
        const periods = await listPeriods(ws)
        console.log(values.json ? JSON.stringify(periods, null, 2) : describePeriods(periods))
        return 0
      }
      const period = values.period ?? ''
      const note = values.note ?? ''
      if (command === 'reopen') {
        const record = await reopenPeriod(ws, { period, note })
        console.log(
          values.json
            ? JSON.stringify({ ok: true, record }, null, 2)
            : `Reopened ${period}: "${record.note}". The next pack states the changes since the close.`,
        )
        return 0
      }
      if (!values.by && !(await latestRuleVersion(ws)))
        fail('NOT_FOUND', 'This workspace has no saved allocation rules to close the month on.', {
          hint: 'Say how the figures are grouped (--by SubAccountName or --by tag:<key>), or save a version of the rules first.',
        })
      const source = values.by
        ? dimensionLinesSource(parseDimension(values.by))
        : allocationLinesSource({ dimension: values.dimension })
      const record = await closePeriod(ws, { period, note, metric, source })
      console.log(
        values.json ? JSON.stringify({ ok: true, record }, null, 2) : describeClosed(record),
      )
      return 0
    } finally {
      ws.close()
    }
  } catch (cause) {
    return refused(cause, values.json)
  }
}

function describeClosed(record: CloseRecord): string {
  return [
    `${record.period} ${describeClose(record)}`,
    `  ${record.metric} by ${record.groupedBy}${record.ruleVersion ? `, rule version ${record.ruleVersion}` : ''}`,
    ...record.totals.map((t) => `  ${formatExact(t.amount, t.currency)}`),
    `  allocation fingerprint ${record.allocationFingerprint}`,
    `  data fingerprint ${record.dataFingerprint}`,
    record.pack
      ? `  last pack: ${record.pack.kind} of ${record.pack.at}, ${record.pack.files.length} files with their SHA-256`
      : '  no pack exported yet',
  ].join('\n')
}

function describePeriods(periods: readonly PeriodEntry[]): string {
  if (periods.length === 0) return 'No billing periods yet.'
  return textTable(
    ['Period', 'State', 'Since', 'By', 'Note', 'Packs'],
    periods.map((p) => {
      const record = p.state === 'reopened' ? p.reopen : p.close
      const stale = p.packs.filter((k) => !k.current).length
      return [
        p.period,
        p.state === 'open'
          ? 'Open'
          : p.state === 'reopened'
            ? 'Reopened'
            : p.inputsChanged
              ? 'Closed (its rules, mappings or tag aliases changed since)'
              : 'Closed',
        record?.at.slice(0, 16).replace('T', ' ') ?? '',
        record?.actor ?? '',
        record?.note ?? '',
        p.packs.length === 0
          ? ''
          : `${p.packs.length}${stale ? ` (${stale} no longer match${stale === 1 ? 'es' : ''} the data)` : ''}`,
      ]
    }),
  )
}
