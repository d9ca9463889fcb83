/**
 * `focal commitments --period`: commitment utilization, coverage and savings of a
 * billing period (electron/core/commitments/commitment-rates.ts) with the contract
 * commitments ending soon; `focal commitments list`: the FOCUS Contract Commitment
 * dataset a workspace holds, one line per counted commitment, and their count and
 * cost per currency.
 */
import { resolve } from 'node:path'
import type { CommitmentList } from '../../shared/contract'
import { CommitmentRatesRequestSchema } from '../../shared/contract/commitment-rates'
import { readCommitmentRates } from '../core/commitments/commitment-rates'
import { listCommitments } from '../core/commitments/list-commitments'
import { Workspace } from '../core/workspace/workspace'
import { describeCommitmentRates } from './commitment-rates-text'
import { commitmentSummary } from './commitment-summary'
import { textTable } from './format'
import { parseCommand, usageError } from './usage'

/** Help text of `focal commitments`. */
export const COMMITMENTS_HELP = `focal commitments -w <workspace.focal> [--period YYYY-MM] [--as-of YYYY-MM-DD] [--json]
      Commitment discounts of a billing period (the month of BillingPeriodStart;
      default the latest): committed, used and unused cost, utilization,
      coverage, savings vs list and the effective savings rate, per currency
      and per CommitmentDiscountId, with their definitions; and the contract
      commitments ending within 30/60/90 days of --as-of (default the last
      charge day in the data).
  focal commitments list -w <workspace.focal> [--json]
      List the contract commitments imported from FOCUS Contract Commitment
      datasets (id, type, category, start, end, cost, quantity), those a later
      file restated left out, and their count and cost per currency.`

function usage(message: string): number {
  return usageError(message, COMMITMENTS_HELP)
}

/** Runs `focal commitments …`; `argv` is everything after `commitments`. Returns the exit code. */
export async function runCommitmentsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    COMMITMENTS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  if (action === '') return runRates(values)
  if (action !== 'list' || args.length > 0)
    return usage(
      action === 'list'
        ? 'focal commitments list takes no arguments.'
        : `focal commitments has no action ${JSON.stringify(action)}: give --period YYYY-MM, or list.`,
    )
  if (!values.workspace) return usage('focal commitments list needs -w <workspace.focal>.')
  const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
  let list: CommitmentList
  try {
    list = await listCommitments(ws)
  } finally {
    await ws.close()
  }
  if (values.json) console.log(JSON.stringify({ ok: true, ...list }, null, 2))
  else console.log(describeCommitments(list))
  return 0
}

/** `focal commitments -w … [--period] [--as-of]`: the period's commitment figures. */
async function runRates(values: {
  workspace?: string
  period?: string
  'as-of'?: string
  json?: boolean
}): Promise<number> {
  if (!values.workspace) return usage('focal commitments needs -w <workspace.focal>.')
  const request = CommitmentRatesRequestSchema.safeParse({
    period: values.period ?? null,
    asOf: values['as-of'] ?? null,
  })
  if (!request.success)
    return usage('--period takes a month as YYYY-MM (2025-06) and --as-of a day as YYYY-MM-DD.')
  const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
  let rates
  try {
    rates = await readCommitmentRates(ws, request.data)
  } finally {
    await ws.close()
  }
  if (values.json) console.log(JSON.stringify({ ok: true, ...rates }, null, 2))
  else console.log(describeCommitmentRates(rates))
  return 0
}

/** The commitments as a table, then the dataset's summary line. */
export function describeCommitments(list: CommitmentList): string {
  if (list.commitments.length === 0) return 'No Contract Commitment dataset is imported.'
  const day = (iso: string | null): string => iso?.slice(0, 10) ?? ''
  const rows = list.commitments.map((c) => [
    c.id,
    c.type ?? '',
    c.category ?? '',
    day(c.start),
    day(c.end),
    c.cost === null ? '' : `${c.cost} ${c.currency ?? ''}`.trimEnd(),
    c.quantity === null ? '' : `${c.quantity} ${c.unit ?? ''}`.trimEnd(),
  ])
  const table = textTable(
    ['id', 'type', 'category', 'start', 'end', 'cost', 'quantity'],
    rows,
    new Set([5, 6]),
  )
  const count = list.totals.reduce((n, t) => n + t.commitments, 0)
  return `${table}\n${commitmentSummary(
    count,
    list.totals.map((t) => ({ currency: t.currency, cost: t.cost })),
  )}`
}
