/**
 * `focal backlog list|add|update|candidates|accept|realized`: the cost-debt backlog from a
 * script, with the same core as the Backlog tab (electron/core/backlog). Items are listed by
 * savings ÷ effort; every add and update is audited; realized savings state their method.
 */
import { resolve } from 'node:path'
import {
  BacklogScopeSchema,
  type BacklogInput,
  type BacklogScope,
} from '../../shared/contract/backlog'
import { parseDimension, type Filter } from '../../shared/pivot'
import { acceptCandidate } from '../core/backlog/accept-candidate'
import { backlogCsv } from '../core/backlog/backlog-csv'
import { addItem, listItems, updateItem } from '../core/backlog/backlog-items'
import { listCandidates } from '../core/backlog/candidates'
import { realizedSavings } from '../core/backlog/realized-savings'
import { Workspace } from '../core/workspace/workspace'
import { candidatesText, itemsText, realizedText } from './backlog-output'
import { refused } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const BACKLOG_HELP = `focal backlog list -w <workspace.focal> [--json | --csv]
      The cost-debt backlog by priority (expected monthly savings ÷ effort), open items first.
  focal backlog add -w <workspace.focal> --title "<title>" --owner <owner> --savings <amount>
      --currency <ISO> --effort 1-5|S|M|L [--risk low|medium|high] [--status <status>]
      [--due YYYY-MM-DD] [--change-date YYYY-MM-DD] [--notes "<text>"]
      (--filter <column|tag:key>=<value> … | --view <saved view> | --scope '<json>') [--json]
      Adds an item; its scope is the rows the change is about. Effort S, M, L is 1, 3, 5.
      Status: proposed, accepted, in progress, done (needs --change-date) or rejected.
  focal backlog update <id> -w <workspace.focal> [any option of add] [--json]
  focal backlog candidates -w <workspace.focal> [--threshold <percent>] [--days <n>] [--json]
      Proposes items from the data (EffectiveCost): unused commitments, resources whose cost
      grew more than --threshold (default 50) percent week over week, spend without a team,
      budget_owner or owner tag, and idle-looking resources, each with its evidence.
  focal backlog accept <candidate key> -w <workspace.focal> [--owner <owner>] [--json]
      Adds a candidate to the backlog with its scope and suggested savings.
  focal backlog realized -w <workspace.focal> [--days <n>] [--metric billed|effective] [--json]
      Realized monthly savings of done items: the scope's average daily cost over --days
      (default 30) before the change date against the days after, × 30, and the burn-down.`

const OPTIONS = {
  ...WORKSPACE_OPTIONS,
  csv: { type: 'boolean', default: false },
  title: { type: 'string' },
  owner: { type: 'string' },
  savings: { type: 'string' },
  currency: { type: 'string' },
  effort: { type: 'string' },
  risk: { type: 'string' },
  status: { type: 'string' },
  due: { type: 'string' },
  'change-date': { type: 'string' },
  notes: { type: 'string' },
  filter: { type: 'string', multiple: true },
  view: { type: 'string' },
  scope: { type: 'string' },
  threshold: { type: 'string' },
  days: { type: 'string' },
  metric: { type: 'string' },
} as const

const ACTIONS = ['list', 'add', 'update', 'candidates', 'accept', 'realized'] as const
type Action = (typeof ACTIONS)[number]
const EFFORTS: Readonly<Record<string, number>> = { S: 1, M: 3, L: 5 }

/** A command-line mistake: its sentence is printed with the help (exit 2). */
class UsageMistake extends Error {}

/** Runs `focal backlog`; `argv` is everything after `backlog`. Exit 0, 1 refused, 2 usage. */
export async function runBacklogCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, BACKLOG_HELP)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const usage = (message: string): number => usageError(message, BACKLOG_HELP)
  const [action = '', ...args] = positionals
  if (!ACTIONS.includes(action as Action))
    return usage(
      action
        ? `Unknown backlog action ${action}; use ${ACTIONS.join(', ')}.`
        : `focal backlog needs one of ${ACTIONS.join(', ')}.`,
    )
  if (!values.workspace) return usage(`focal backlog ${action} needs -w <workspace.focal>.`)
  const wanted = action === 'update' || action === 'accept' ? 1 : 0
  if (args.length !== wanted)
    return usage(
      wanted
        ? `focal backlog ${action} needs one ${action === 'update' ? 'item id' : 'candidate key'}.`
        : `Unexpected argument ${args[0]}.`,
    )
  if (values.csv && action !== 'list') return usage('--csv goes with focal backlog list.')
  if (values.csv && values.json) return usage('Give --csv or --json, not both.')
  let run: (ws: Workspace) => Promise<string>
  try {
    run = plan(action as Action, args[0] ?? '', values)
  } catch (cause) {
    if (cause instanceof UsageMistake) return usage(cause.message)
    throw cause
  }
  const writes = action === 'add' || action === 'update' || action === 'accept'
  try {
    const ws = await Workspace.open(resolve(values.workspace), { readOnly: !writes })
    try {
      console.log(await run(ws))
    } finally {
      await ws.close()
    }
    return 0
  } catch (cause) {
    return refused(cause, values.json)
  }
}

/** What the action does once the workspace is open; a bad option throws UsageMistake first. */
function plan(
  action: Action,
  arg: string,
  values: Record<string, string | boolean | string[] | undefined>,
): (ws: Workspace) => Promise<string> {
  const json = values.json === true
  const out = (value: object, text: string): string =>
    json ? JSON.stringify({ ok: true, ...value }, null, 2) : text
  switch (action) {
    case 'list':
      return async (ws) => {
        const items = await listItems(ws)
        return values.csv === true ? backlogCsv(items).trimEnd() : out({ items }, itemsText(items))
      }
    case 'add': {
      const input = inputOf(values)
      for (const field of [
        'title',
        'owner',
        'expectedMonthlySavings',
        'currency',
        'effort',
        'scope',
      ] as const)
        if (input[field] === undefined)
          throw new UsageMistake(`focal backlog add needs --${OPTION_OF[field]}.`)
      const full: BacklogInput = {
        risk: 'medium',
        status: 'proposed',
        dueDate: null,
        changeDate: null,
        notes: '',
        ...input,
      } as BacklogInput
      return async (ws) => {
        const item = await addItem(ws, full)
        return out(
          { item },
          `Added backlog item ${item.id}: ${item.title} (priority ${item.priority}).`,
        )
      }
    }
    case 'update': {
      const id = Number(arg)
      if (!Number.isInteger(id) || id < 1) throw new UsageMistake(`${arg} is not an item id.`)
      const patch = inputOf(values)
      if (Object.keys(patch).length === 0)
        throw new UsageMistake('Say what to change, e.g. --status done --change-date 2024-09-15.')
      return async (ws) => {
        const item = await updateItem(ws, { id, ...patch })
        return out(
          { item },
          `Updated backlog item ${item.id}: ${item.title} (${item.status}, priority ${item.priority}).`,
        )
      }
    }
    case 'candidates': {
      const request = {
        thresholdPercent: whole(values.threshold, 'threshold'),
        days: whole(values.days, 'days'),
      }
      return async (ws) => {
        const found = await listCandidates(ws, withoutUndefined(request))
        return out(found, candidatesText(found))
      }
    }
    case 'accept': {
      const owner = typeof values.owner === 'string' ? values.owner : undefined
      return async (ws) => {
        const item = await acceptCandidate(ws, arg, owner)
        return out({ item }, `Backlog item ${item.id}: ${item.title} (priority ${item.priority}).`)
      }
    }
    case 'realized': {
      const metric = values.metric === undefined ? undefined : METRICS[String(values.metric)]
      if (values.metric !== undefined && !metric)
        throw new UsageMistake(
          `--metric must be billed or effective, not ${String(values.metric)}.`,
        )
      const request = withoutUndefined({ days: whole(values.days, 'days'), metric })
      return async (ws) => {
        const realized = await realizedSavings(ws, request)
        return out(realized, realizedText(realized))
      }
    }
  }
}

const METRICS: Readonly<Record<string, 'BilledCost' | 'EffectiveCost'>> = {
  billed: 'BilledCost',
  effective: 'EffectiveCost',
}

const OPTION_OF: Readonly<Record<string, string>> = {
  title: 'title',
  owner: 'owner',
  expectedMonthlySavings: 'savings',
  currency: 'currency',
  effort: 'effort',
  scope: 'filter, --view or --scope',
}

/** The item fields the options set (only those given); the core checks their values. */
function inputOf(
  values: Record<string, string | boolean | string[] | undefined>,
): Partial<BacklogInput> {
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined
  const input: Record<string, unknown> = {
    title: text('title'),
    owner: text('owner'),
    expectedMonthlySavings: text('savings'),
    currency: text('currency'),
    risk: text('risk'),
    status: text('status'),
    dueDate: text('due'),
    changeDate: text('change-date'),
    notes: text('notes'),
  }
  const effort = text('effort')
  if (effort !== undefined) {
    const n = EFFORTS[effort.toUpperCase()] ?? Number(effort)
    if (!Number.isInteger(n) || n < 1 || n > 5)
      throw new UsageMistake(`--effort must be 1 to 5 or S, M, L, not ${effort}.`)
    input.effort = n
  }
  input.scope = scopeOf(values)
  return withoutUndefined(input) as Partial<BacklogInput>
}

function scopeOf(
  values: Record<string, string | boolean | string[] | undefined>,
): BacklogScope | undefined {
  const filters = Array.isArray(values.filter) ? values.filter : []
  const given = [
    filters.length > 0,
    typeof values.view === 'string',
    typeof values.scope === 'string',
  ]
  if (given.filter(Boolean).length > 1)
    throw new UsageMistake('Give one of --filter, --view and --scope.')
  if (typeof values.view === 'string') return { kind: 'view', view: values.view }
  if (typeof values.scope === 'string') {
    let json: unknown
    try {
      json = JSON.parse(values.scope)
    } catch {
      throw new UsageMistake(
        '--scope must be JSON, e.g. {"kind":"filter","filters":[],"conditions":[]}.',
      )
    }
    const parsed = BacklogScopeSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new UsageMistake(
        `--scope ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}.`,
      )
    }
    return parsed.data
  }
  if (filters.length === 0) return undefined
  // Several --filter of one dimension keep rows with any of their values (one `in` filter).
  const byDimension = new Map<string, Filter>()
  for (const f of filters) {
    const at = f.indexOf('=')
    if (at < 1) throw new UsageMistake(`--filter ${f}: write <column|tag:key>=<value>.`)
    const name = f.slice(0, at)
    const existing = byDimension.get(name)
    if (existing) existing.values.push(f.slice(at + 1))
    else
      byDimension.set(name, {
        dimension: parseDimension(name),
        op: 'in',
        values: [f.slice(at + 1)],
      })
  }
  return { kind: 'filter', filters: [...byDimension.values()], conditions: [] }
}

function whole(value: string | boolean | string[] | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new UsageMistake(`--${name} must be a whole number, not ${String(value)}.`)
  return n
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
