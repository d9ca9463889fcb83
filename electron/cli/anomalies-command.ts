/**
 * `focal anomalies`: the daily cost anomalies of a range (electron/core/anomalies), each with
 * expected vs actual, deviation, score, top driver, state and a short id; and `focal anomalies
 * ack|explain|dismiss|reopen <id>`, which store a state for the anomaly of that id (found by
 * the same scan: give the same --from/--to/--by as the listing).
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import {
  ANOMALY_METHOD,
  anomalyKeyText,
  type AnomalyKey,
  type AnomalyState,
} from '../../shared/anomalies'
import { fail, type Anomaly, type AnomalyScan } from '../../shared/contract'
import { scanAnomalies, type ScanOptions } from '../core/anomalies/anomaly-scan'
import { setAnomalyState } from '../core/anomalies/anomaly-states'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const ANOMALIES_HELP = `focal anomalies -w <workspace.focal> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--by <dim>,<dim>] [--metric billed|effective] [--min-amount X] [--sensitivity K]
      [--state new,acknowledged,explained,dismissed] [--json]
      Daily cost anomalies per series (ServiceName,SubAccountId unless --by; a column or
      tag:<key>) and currency, the last 30 days with data unless --from/--to. Expected =
      mean of the middle four of the same weekday over the previous 8 weeks; deviation =
      0.7803 x the 80th percentile |actual - expected| of the previous 56 days; an anomaly
      when |score| (or the two- or three-day score of a change that stays) >= sensitivity (default 4)
      and |actual - expected| >= the minimum amount (default 10). Exit 0.
  focal anomalies ack|explain|dismiss|reopen <id> -w <workspace.focal> [--note "<text>"]
      [--owner <name>] [--from …] [--to …] [--by …]
      Store an anomaly's state (explain needs --note); <id> as listed, found by the same scan.`

const METRICS: Readonly<Record<string, 'BilledCost' | 'EffectiveCost'>> = {
  billed: 'BilledCost',
  effective: 'EffectiveCost',
}
const ACTIONS: Readonly<Record<string, AnomalyState>> = {
  ack: 'acknowledged',
  explain: 'explained',
  dismiss: 'dismissed',
  reopen: 'new',
}
const STATES = new Set<string>(['new', 'acknowledged', 'explained', 'dismissed'])
const DAY = /^\d{4}-\d{2}-\d{2}$/
const AMOUNT = /^\d{1,20}(\.\d{1,18})?$/

/** The short id an anomaly is listed and acted on by: the first 10 hex digits of its key's SHA-256. */
export function anomalyId(key: AnomalyKey): string {
  return createHash('sha256').update(anomalyKeyText(key)).digest('hex').slice(0, 10)
}

/** Runs `focal anomalies`; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runAnomaliesCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      metric: { type: 'string', default: 'billed' },
      'min-amount': { type: 'string' },
      sensitivity: { type: 'string' },
      state: { type: 'string' },
      note: { type: 'string' },
      owner: { type: 'string' },
    },
    ANOMALIES_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const usage = (message: string): number => usageError(message, ANOMALIES_HELP)
  const [action, id, ...rest] = positionals
  const state = action === undefined ? undefined : ACTIONS[action]
  if (action !== undefined && !state)
    return usage(`Unknown anomalies action ${action}; use ack, explain, dismiss or reopen.`)
  if (state && (!id || rest.length > 0)) return usage(`focal anomalies ${action} needs one <id>.`)
  if (!values.workspace) return usage('focal anomalies needs -w <workspace.focal>.')
  for (const [flag, day] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (day !== undefined && !DAY.test(day)) return usage(`${flag} must be YYYY-MM-DD, not ${day}.`)
  const by = values.by?.split(',').map((d) => d.trim())
  if (by && (by.length !== 2 || by.some((d) => !d)))
    return usage('--by takes two dimensions, e.g. --by ServiceName,tag:team.')
  const metric = METRICS[values.metric.toLowerCase()]
  if (!metric) return usage(`--metric must be billed or effective, not ${values.metric}.`)
  const minAmount = values['min-amount']
  if (minAmount !== undefined && !AMOUNT.test(minAmount))
    return usage(`--min-amount must be an amount of 0 or more, not ${minAmount}.`)
  const sensitivity = values.sensitivity === undefined ? undefined : Number(values.sensitivity)
  if (sensitivity !== undefined && !(sensitivity >= 0.5 && sensitivity <= 100))
    return usage(`--sensitivity must be a number from 0.5 to 100, not ${values.sensitivity}.`)
  const states = values.state?.split(',').map((s) => s.trim())
  if (states?.some((s) => !STATES.has(s)))
    return usage('--state takes new, acknowledged, explained or dismissed (comma-separated).')
  if (state === 'explained' && !values.note?.trim())
    return usage('focal anomalies explain needs --note "<what caused it>".')
  const options: ScanOptions = {
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(by ? { by: [by[0] ?? '', by[1] ?? ''] as const } : {}),
    metric,
    ...(minAmount ? { minAmount } : {}),
    ...(sensitivity !== undefined ? { sensitivity } : {}),
    ...(states ? { states: states as AnomalyState[] } : {}),
  }
  const json = values.json
  const ws = await Workspace.open(
    resolve(values.workspace),
    state ? { create: false } : { readOnly: true },
  )
  try {
    if (!state) {
      console.log(describeScan(await scanAnomalies(ws, options), json))
      return 0
    }
    // Every anomaly of the range, whatever its state and however many, so the id is found.
    const scan = await scanAnomalies(ws, {
      ...options,
      states: undefined,
      limit: 100_000,
      drivers: false,
    })
    const anomaly = scan.anomalies.find((a) => anomalyId(a.key) === id)
    if (!anomaly)
      fail(
        'NOT_FOUND',
        `No anomaly ${id} between ${scan.from ?? '-'} and ${scan.to ?? '-'}: give the same --from, --to and --by as the listing.`,
      )
    const stored = await setAnomalyState(ws, {
      key: anomaly.key,
      state,
      ...(values.note ? { note: values.note } : {}),
      ...(values.owner ? { owner: values.owner } : {}),
    })
    console.log(
      json
        ? JSON.stringify({ ok: true, id, key: anomaly.key, ...stored }, null, 2)
        : `${id} ${seriesText(anomaly)} ${anomaly.key.day}: ${stored.state}${stored.note ? ` (${stored.note})` : ''}${stored.owner ? `, owner ${stored.owner}` : ''}.`,
    )
    return 0
  } catch (cause) {
    return refused(cause, json)
  } finally {
    await ws.close()
  }
}

function describeScan(scan: AnomalyScan, json: boolean): string {
  if (json)
    return JSON.stringify(
      { ok: true, ...scan, anomalies: scan.anomalies.map((a) => ({ id: anomalyId(a.key), ...a })) },
      null,
      2,
    )
  const head = `${scan.metric} anomalies by ${scan.by.join(' × ')}, ${scan.from ?? '-'} to ${scan.to ?? '-'} (sensitivity ${scan.settings.sensitivity}, minimum amount ${scan.settings.minAmount}).`
  if (scan.anomalies.length === 0) return `${head}\nNo anomalies.\n${ANOMALY_METHOD}`
  const rows = scan.anomalies.map((a) => {
    const top = a.drivers[0]
    return [
      anomalyId(a.key),
      a.key.day,
      a.days > 1 ? `${a.days} days` : '1 day',
      seriesText(a),
      a.key.currency ?? '',
      a.expected,
      a.actual,
      a.deviation,
      a.score.toFixed(2),
      a.excess,
      top ? `${top.resourceId ?? top.skuId ?? '(none)'} ${top.change}` : '',
      a.state.state,
    ]
  })
  return [
    head,
    textTable(
      [
        'id',
        'day',
        'run',
        'series',
        'currency',
        'expected',
        'actual',
        'deviation',
        'score',
        'excess',
        'top driver',
        'state',
      ],
      rows,
      new Set([5, 6, 7, 8, 9]),
    ),
    scan.truncated
      ? `Only the newest ${scan.anomalies.length} are listed: narrow --from/--to.`
      : '',
    ANOMALY_METHOD,
  ]
    .filter(Boolean)
    .join('\n')
}

function seriesText(a: Anomaly): string {
  return a.key.values.map((v) => v ?? '(none)').join(' · ')
}
