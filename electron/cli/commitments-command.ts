/**
 * `focal commitments list`: the FOCUS Contract Commitment dataset a workspace
 * holds (electron/core/commitments), one line per counted commitment, and
 * their count and cost per currency.
 */
import { resolve } from 'node:path'
import type { CommitmentList } from '../../shared/contract'
import { listCommitments } from '../core/commitments/list-commitments'
import { Workspace } from '../core/workspace/workspace'
import { commitmentSummary } from './commitment-summary'
import { textTable } from './format'
import { parseCommand, usageError } from './usage'

/** Help text of `focal commitments`. */
export const COMMITMENTS_HELP = `focal commitments list -w <workspace.focal> [--json]
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
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    COMMITMENTS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  if (action !== 'list' || args.length > 0)
    return usage(
      action === 'list'
        ? 'focal commitments list takes no arguments.'
        : 'focal commitments needs the action list.',
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
