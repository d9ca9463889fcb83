/**
 * `focal ledger`: the weekly cost ledger of an ISO week (electron/core/ledger), and
 * `focal ledger explain` / `focal ledger signoff` for a mover's variance explanation. The
 * signer is the operating-system user, as in the audit log. `focal ledger settings` reads or
 * sets the workspace's sign-off threshold.
 */
import { resolve } from 'node:path'
import type { CostMetricName } from '../../shared/contract/allocation'
import type { LedgerCurrency, LedgerWeek } from '../../shared/contract/ledger'
import { explainMover, signOffMover } from '../core/ledger/explanations'
import { ledgerCsv } from '../core/ledger/ledger-csv'
import { ledgerWeek } from '../core/ledger/ledger-week'
import { readSignOff, writeSignOff } from '../core/ledger/sign-off-setting'
import { ledgerWeeks } from '../core/ledger/week-request'
import { checkSignOff, signOffRule } from '../../shared/ledger/sign-off'
import { actorName, Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const LEDGER_HELP = `focal ledger -w <workspace.focal> [--week YYYY-Www] [--by <dim>] [--top N]
             [--metric BilledCost|EffectiveCost] [--json|--csv]
      The weekly cost ledger of an ISO week (Monday to Sunday, UTC; default: the latest
      complete week with data) against the week before, per currency: this week, last
      week, delta and delta %, the top N movers by |delta| (default 10) with the services,
      resources and SKUs that moved most beneath them, and each mover's explanation. By a
      column or tag:<key>; default the owner dimension (tag:owner, else tag:team, else
      SubAccountName). BilledCost unless --metric says otherwise. A mover marked ! needs a
      sign-off: over the workspace's threshold (focal ledger settings), not signed off.
  focal ledger explain -w <workspace.focal> --week YYYY-Www (--value <v> | --none)
             [--by <dim>] --text "…" [--owner <name>]
      Save a mover's variance explanation (owner: you, unless given); a changed text
      needs a new sign-off.
  focal ledger signoff -w <workspace.focal> --week YYYY-Www (--value <v> | --none) [--by <dim>]
      Sign a mover's explanation off as the operating-system user.
  focal ledger settings -w <workspace.focal> [--amount X] [--percent P] [--json]
      The sign-off threshold: a mover is flagged when |delta| ≥ X in its currency or
      |delta %| ≥ P (default 1000 and 20). Decimals ≥ 0 with at most 4 decimals; "off" or
      "" turns one off (not both). Without options, prints it.`

const OPTIONS = {
  ...WORKSPACE_OPTIONS,
  week: { type: 'string' },
  by: { type: 'string' },
  top: { type: 'string' },
  metric: { type: 'string' },
  csv: { type: 'boolean', default: false },
  value: { type: 'string' },
  none: { type: 'boolean', default: false },
  text: { type: 'string' },
  owner: { type: 'string' },
  amount: { type: 'string' },
  percent: { type: 'string' },
} as const

function usage(message: string): number {
  return usageError(message, LEDGER_HELP)
}

/** Runs `focal ledger`; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runLedgerCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, LEDGER_HELP)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = 'show', ...rest] = positionals
  if (!['show', 'explain', 'signoff', 'settings'].includes(action))
    return usage(
      `Unknown ledger action ${action}; use explain, signoff or settings, or none to show it.`,
    )
  if (rest.length > 0) return usage(`focal ledger ${action} takes no file arguments.`)
  if (!values.workspace) return usage('focal ledger needs -w <workspace.focal>.')
  if (values.json && values.csv) return usage('Choose one of --json and --csv.')
  const metric = values.metric
  if (metric !== undefined && metric !== 'BilledCost' && metric !== 'EffectiveCost')
    return usage(`--metric is BilledCost or EffectiveCost, not ${metric}.`)
  const top = values.top === undefined ? undefined : Number(values.top)
  if (top !== undefined && !(Number.isInteger(top) && top >= 1 && top <= 100))
    return usage(`--top is a whole number from 1 to 100, not ${values.top}.`)
  if (action === 'settings') return ledgerSettings(values.workspace, values)
  if (action !== 'show') {
    if (!values.week) return usage(`focal ledger ${action} needs --week YYYY-Www.`)
    if ((values.value === undefined) === !values.none)
      return usage(
        `focal ledger ${action} needs --value <value>, or --none for the rows without one.`,
      )
    if (action === 'explain' && !values.text?.trim())
      return usage('focal ledger explain needs --text "…".')
  }
  const json = values.json
  try {
    const path = resolve(values.workspace)
    if (action === 'show') {
      const ws = await Workspace.open(path, { readOnly: true })
      try {
        const week = values.week ?? (await defaultWeek(ws))
        if (!week) {
          console.log('No costs in this workspace yet (focal import <file> -w <workspace.focal>).')
          return 0
        }
        const ledger = await ledgerWeek(ws, {
          week,
          ...(values.by ? { by: values.by } : {}),
          ...(top ? { top } : {}),
          ...(metric ? { metric: metric as CostMetricName } : {}),
        })
        if (json) console.log(JSON.stringify({ ok: true, ...ledger }, null, 2))
        else if (values.csv) process.stdout.write(ledgerCsv(ledger))
        else console.log(ledgerText(ledger))
        return 0
      } finally {
        await ws.close()
      }
    }
    const ws = await Workspace.open(path)
    try {
      const key = {
        week: values.week ?? '',
        ...(values.by ? { by: values.by } : {}),
        value: values.none ? null : (values.value ?? null),
      }
      const saved =
        action === 'explain'
          ? await explainMover(ws, {
              ...key,
              text: values.text?.trim() ?? '',
              owner: values.owner?.trim() || actorName(),
              ...(metric ? { metric: metric as CostMetricName } : {}),
            })
          : await signOffMover(ws, key)
      if (json) console.log(JSON.stringify({ ok: true, ...saved }, null, 2))
      else
        console.log(
          action === 'explain'
            ? `Explained ${key.week} ${key.value ?? '(none)'} (owner ${saved.owner})${saved.signedBy ? `, signed off by ${saved.signedBy}` : '; not signed off yet'}.`
            : `Signed off ${key.week} ${key.value ?? '(none)'} as ${saved.signedBy} at ${saved.signedAt}.`,
        )
      return 0
    } finally {
      await ws.close()
    }
  } catch (cause) {
    return refused(cause, json)
  }
}

/** `focal ledger settings`: prints the sign-off threshold, or changes the parts given. */
async function ledgerSettings(
  workspace: string,
  values: { amount?: string | undefined; percent?: string | undefined; json: boolean },
): Promise<number> {
  const change = {
    ...(values.amount === undefined ? {} : { amount: values.amount }),
    ...(values.percent === undefined ? {} : { percent: values.percent }),
  }
  const writes = Object.keys(change).length > 0
  try {
    const ws = await Workspace.open(resolve(workspace), { readOnly: !writes })
    try {
      if (writes) {
        // Checked here too so the message names the option that was typed.
        const before = await readSignOff(ws)
        const checked = checkSignOff(
          { amount: before.amount, percent: before.percent, ...change },
          { amount: '--amount', percent: '--percent' },
        )
        if (!checked.ok) return usage(checked.message)
      }
      const threshold = writes ? await writeSignOff(ws, change) : await readSignOff(ws)
      if (values.json) console.log(JSON.stringify({ ok: true, ...threshold }, null, 2))
      else
        console.log(
          `${writes ? 'Sign-off threshold set' : 'Sign-off threshold'}: a mover is flagged when ` +
            `${signOffRule(threshold)}, until it is signed off.`,
        )
      return 0
    } finally {
      await ws.close()
    }
  } catch (cause) {
    return refused(cause, values.json)
  }
}

async function defaultWeek(ws: Workspace): Promise<string | null> {
  const { weeks, latestComplete } = await ledgerWeeks(ws)
  return latestComplete ?? weeks[0] ?? null
}

const percent = (p: string | null): string => (p === null ? 'new' : `${p}%`)

function currencyText(ledger: LedgerWeek, c: LedgerCurrency): string {
  const rows = c.movers.map((m) => [
    m.needsSignOff ? '!' : '',
    m.value ?? '(none)',
    m.lastWeek,
    m.thisWeek,
    m.delta,
    percent(m.deltaPercent),
    m.explanation?.signedBy
      ? `${m.explanation.signedBy} ${m.explanation.signedAt ?? ''}`
      : m.explanation
        ? 'not signed'
        : '',
    m.explanation ? `${m.explanation.owner}: ${m.explanation.text}` : '',
  ])
  if (c.rest.values > 0)
    rows.push([
      '',
      `(${c.rest.values} other values)`,
      c.rest.lastWeek,
      c.rest.thisWeek,
      c.rest.delta,
      percent(c.rest.deltaPercent),
      '',
      '',
    ])
  rows.push(['', 'Total', c.lastWeek, c.thisWeek, c.delta, percent(c.deltaPercent), '', ''])
  const drivers = c.movers.flatMap((m) =>
    m.drivers.map(
      (d) =>
        `  ${m.value ?? '(none)'} · ${d.column}: ${d.items
          .slice(0, 3)
          .map((i) => `${i.value ?? '(none)'} ${i.delta.startsWith('-') ? '' : '+'}${i.delta}`)
          .join('; ')}`,
    ),
  )
  return [
    `${c.currency ?? '(no currency)'} · ${ledger.metric}`,
    textTable(
      ['', ledger.by, 'last week', 'this week', 'delta', 'delta %', 'signed off', 'explanation'],
      rows,
      new Set([2, 3, 4, 5]),
    ),
    `Days: ${c.days.map((d) => `${d.day} ${d.cost}`).join(', ')}`,
    ...(drivers.length > 0 ? ['Drivers (largest change first):', ...drivers] : []),
  ].join('\n')
}

/** The ledger as aligned text, one table per currency, flagged movers marked `!`. */
export function ledgerText(ledger: LedgerWeek): string {
  const head = [
    `Weekly cost ledger ${ledger.week} (${ledger.start} to ${ledger.end}, UTC, end exclusive) against ${ledger.lastWeek.week}`,
    `${ledger.metric} by ${ledger.by}${ledger.byReason === 'owner-default' ? ' (the owner dimension)' : ''}; top ${ledger.top} movers by |delta| per currency.`,
    `! needs a sign-off: ${signOffRule(ledger.threshold)}, not signed off.`,
  ].join('\n')
  if (ledger.currencies.length === 0)
    return `${head}\n\nNo costs in ${ledger.week} or the week before.`
  return [head, ...ledger.currencies.map((c) => currencyText(ledger, c))].join('\n\n')
}
