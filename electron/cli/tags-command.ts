/**
 * `focal tags`: the workspace's tag alias policy (electron/core/tags). `aliases` lists each
 * canonical key with its original keys, rows and BilledCost; merge, split, rename and reset
 * edit it as the Tags screen does, recorded in the audit log.
 */
import { resolve } from 'node:path'
import type { TagEdit, TagPolicy } from '../../shared/contract/tags'
import { editTagPolicy, readTagPolicy } from '../core/tags/tag-policy'
import { Workspace } from '../core/workspace/workspace'
import { textTable } from './format'
import { runTagsComplianceCommand, TAGS_COMPLIANCE_HELP } from './tags-compliance-command'
import { parseCommand, usageError } from './usage'

/** Help text of `focal tags`. */
export const TAGS_HELP = `focal tags aliases -w <workspace.focal> [--json]
      List the tag alias policy: each canonical key (what tag:<key> reads in pivots,
      rules and reports) with its original keys, rows, BilledCost per currency and
      the rows whose aliases disagree (the first alias listed wins).
  focal tags merge <from> <into> | split <key> | rename <canonical> <name> | reset <key> -w <workspace.focal> [--json]
      Edit it: merge one canonical key into another, split an original key out on
      its own, rename a canonical key, or return a key to the automatic rule.
  ${TAGS_COMPLIANCE_HELP}`

function usage(message: string): number {
  return usageError(message, TAGS_HELP)
}

/** Runs `focal tags …`; `argv` is everything after `tags`. Returns the exit code. */
export async function runTagsCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'compliance') return runTagsComplianceCommand(argv.slice(1))
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    TAGS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  if (!values.workspace) return usage(`focal tags ${action} needs -w <workspace.focal>.`)
  const path = resolve(values.workspace)
  let policy: TagPolicy
  if (action === 'aliases') {
    if (args.length > 0) return usage('focal tags aliases takes no arguments.')
    const ws = await Workspace.open(path, { readOnly: true })
    try {
      policy = await readTagPolicy(ws)
    } finally {
      await ws.close()
    }
  } else {
    const edit = parseEdit(action, args)
    if (typeof edit === 'string') return usage(edit)
    const ws = await Workspace.open(path)
    try {
      policy = await editTagPolicy(ws, edit)
    } finally {
      await ws.close()
    }
  }
  if (values.json) console.log(JSON.stringify({ ok: true, ...policy }, null, 2))
  else console.log(describePolicy(policy))
  return 0
}

/** The edit named on the command line, or the usage mistake. */
function parseEdit(action: string, args: readonly string[]): TagEdit | string {
  const [a = '', b = ''] = args
  const needs = (n: number, what: string): string | null =>
    args.length === n ? null : `focal tags ${action} needs ${what}.`
  switch (action) {
    case 'merge':
      return needs(2, '<from> <into>') ?? { action, from: a, into: b }
    case 'split':
    case 'reset':
      return needs(1, 'one <key>') ?? { action, key: a }
    case 'rename':
      return needs(2, '<canonical> <name>') ?? { action, canonical: a, name: b }
    default:
      return action
        ? `Unknown tags action ${action}; use aliases, merge, split, rename, reset or compliance.`
        : 'focal tags needs an action: aliases, merge, split, rename, reset or compliance.'
  }
}

/** The policy as a table: one line per original key under its canonical key. */
export function describePolicy(policy: TagPolicy): string {
  if (policy.groups.length === 0) return 'No imported row carries tags.'
  const money = (cost: TagPolicy['groups'][number]['cost']): string =>
    cost.map((c) => `${c.billed} ${c.currency ?? '(no currency)'}`).join('; ')
  const rows = policy.groups.flatMap((g) => [
    [g.canonical, '', String(g.rows), money(g.cost), g.conflicts ? String(g.conflicts) : ''],
    ...g.aliases.map((a) => [
      '',
      a.key + (a.explicit ? ' (by hand)' : ''),
      String(a.rows),
      money(a.cost),
      '',
    ]),
  ])
  return textTable(
    ['canonical key', 'alias', 'rows', 'BilledCost', 'conflicts'],
    rows,
    new Set([2, 4]),
  )
}
