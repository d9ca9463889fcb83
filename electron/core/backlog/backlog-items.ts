/**
 * The cost-debt backlog's items: added and edited one at a time inside the writer's turn with
 * an audit entry in the same transaction (`backlog.add`, `backlog.update`), listed by priority
 * (expected monthly savings ÷ effort). Every field is checked before anything is written, and
 * a refusal names the field and says what to write.
 */
import { fail } from '../../../shared/contract'
import {
  BacklogInputSchema,
  BacklogScopeSchema,
  type BacklogInput,
  type BacklogItem,
  type BacklogUpdate,
} from '../../../shared/contract/backlog'
import { isCalendarDay } from '../../../shared/backlog/dates'
import { compareDecimals, priorityOf } from '../../../shared/backlog/savings-math'
import { normalizeDecimal } from '../../../shared/money'
import { whereContext } from '../../../shared/sql/pivot-where-sql'
import { actorName, type Row, type Workspace } from '../workspace/workspace'
import { BACKLOG_ITEMS_SQL, INSERT_ITEM_SQL, UPDATE_ITEM_SQL } from './backlog-sql'
import { scopeContext, scopeFilters, scopeWhere } from './backlog-scope'

// Open work first, then what is delivered, then what was turned down.
const STATUS_ORDER = { proposed: 0, accepted: 0, 'in progress': 0, done: 1, rejected: 2 } as const

/**
 * Orders items as the backlog shows them: open before done before rejected, then by priority
 * (largest first), then the nearer due date, then the older item. Priorities in different
 * currencies are compared as amounts; the list states each one's currency.
 */
export function byPriority(a: BacklogItem, b: BacklogItem): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    compareDecimals(b.priority, a.priority) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    a.id - b.id
  )
}

/** Every item, by priority. */
export async function listItems(ws: Workspace): Promise<BacklogItem[]> {
  return (await ws.all(BACKLOG_ITEMS_SQL)).map(itemOf).sort(byPriority)
}

/** One item, or NOT_FOUND naming its id. */
export async function getItem(ws: Workspace, id: number): Promise<BacklogItem> {
  const item = (await ws.all(BACKLOG_ITEMS_SQL)).map(itemOf).find((i) => i.id === id)
  if (!item) fail('NOT_FOUND', `No backlog item ${id}. focal backlog list shows the items.`)
  return item
}

/** Adds an item (source: the candidate key it came from); audited as `backlog.add`. */
export async function addItem(
  ws: Workspace,
  input: BacklogInput,
  source: string | null = null,
): Promise<BacklogItem> {
  const checked = await checkInput(ws, input)
  const id = await ws.transaction(async () => {
    const [next] = await ws.all('SELECT coalesce(max(id), 0) + 1 AS id FROM backlog_items')
    const id = Number(next?.id ?? 1)
    await ws.run(INSERT_ITEM_SQL, [id, ...fieldValues(checked), source, checked.notes, actorName()])
    await ws.audit('backlog.add', `backlog item ${id}`, { id, ...checked, source })
    return id
  })
  return getItem(ws, id)
}

/** Changes the fields `update` carries; audited as `backlog.update` with each field before and after. */
export async function updateItem(ws: Workspace, update: BacklogUpdate): Promise<BacklogItem> {
  const { id, ...patch } = update
  await ws.transaction(async () => {
    const before = await getItem(ws, id)
    // The stored scope is checked only when it changes: an item whose saved view was deleted
    // can still be rejected or given a new scope.
    const merged = await checkInput(ws, { ...inputOf(before), ...patch }, patch.scope !== undefined)
    const changes = Object.fromEntries(
      (Object.keys(merged) as Array<keyof BacklogInput>)
        .filter((k) => JSON.stringify(merged[k]) !== JSON.stringify(inputOf(before)[k]))
        .map((k) => [k, { before: inputOf(before)[k], after: merged[k] }]),
    )
    if (Object.keys(changes).length === 0) return
    await ws.run(UPDATE_ITEM_SQL, [id, ...fieldValues(merged), merged.notes, actorName()])
    await ws.audit('backlog.update', `backlog item ${id}`, { id, changes })
  })
  return getItem(ws, id)
}

/** The editable fields of a stored item. */
export function inputOf(item: BacklogItem): BacklogInput {
  const { title, scope, owner, expectedMonthlySavings, currency, risk, effort } = item
  const { status, dueDate, changeDate, notes } = item
  return {
    ...{ title, scope, owner, expectedMonthlySavings, currency, risk, effort },
    ...{ status, dueDate, changeDate, notes },
  }
}

// $2 … $11 of INSERT_ITEM_SQL and UPDATE_ITEM_SQL; each adds its own fields after them.
function fieldValues(i: BacklogInput): Array<string | number | null> {
  const { title, owner, expectedMonthlySavings, currency, risk, effort, status } = i
  const scope = JSON.stringify(i.scope)
  return [
    title,
    scope,
    owner,
    expectedMonthlySavings,
    currency,
    risk,
    effort,
    status,
    i.dueDate,
    i.changeDate,
  ]
}

/** Checks every field (the contract's rules, real calendar days, a scope the data can read). */
async function checkInput(ws: Workspace, raw: unknown, checkScope = true): Promise<BacklogInput> {
  const parsed = BacklogInputSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || 'item'
    fail('BAD_VALUE', `Backlog item, ${field}: ${issue?.message ?? 'invalid'}.`, {
      hint: FIELD_HINTS[String(issue?.path[0])] ?? 'Correct the field and save again.',
      location: { column: field },
    })
  }
  const input = parsed.data
  for (const [field, day] of [
    ['dueDate', input.dueDate],
    ['changeDate', input.changeDate],
  ] as const)
    if (day !== null && !isCalendarDay(day))
      fail('BAD_VALUE', `Backlog item, ${field}: ${day} is not a calendar day.`, {
        hint: 'Write the day as YYYY-MM-DD, e.g. 2024-09-30.',
        location: { column: field, value: day },
      })
  if (input.status === 'done' && input.changeDate === null)
    fail('BAD_VALUE', 'Backlog item, changeDate: a done item needs the day the change was made.', {
      hint: 'Set the change date: realized savings compare the days before it with the days after.',
      location: { column: 'changeDate' },
    })
  // The scope must compile against this workspace's columns (and name a saved view that exists).
  if (checkScope) await checkScopeOf(ws, input)
  return { ...input, expectedMonthlySavings: normalizeDecimal(input.expectedMonthlySavings) }
}

async function checkScopeOf(ws: Workspace, input: BacklogInput): Promise<void> {
  const connection = await ws.reader()
  try {
    const known = await scopeContext(ws, connection)
    scopeWhere(
      whereContext(known.columns, { tags: known.tags }),
      await scopeFilters(ws, input.scope),
    )
  } finally {
    connection.closeSync()
  }
}

const FIELD_HINTS: Readonly<Record<string, string>> = {
  title: 'Give the item a title of up to 200 characters.',
  owner: 'Name the person or team who owns the change.',
  expectedMonthlySavings: 'Write the expected savings per month as an amount, e.g. 1200 or 99.50.',
  currency: 'Write the currency as its ISO code, e.g. USD.',
  risk: 'Choose low, medium or high.',
  effort: 'Rate the effort 1 (hours) to 5 (a quarter), or S, M, L (1, 3, 5).',
  status: 'Choose proposed, accepted, in progress, done or rejected.',
  dueDate: 'Write the day as YYYY-MM-DD, e.g. 2024-09-30.',
  changeDate: 'Write the day as YYYY-MM-DD, e.g. 2024-09-30.',
  scope: 'Pick the scope from Explore filters or a saved view.',
}

function itemOf(r: Row): BacklogItem {
  const expected = normalizeDecimal(String(r.expected_savings))
  const effort = Number(r.effort)
  return {
    id: Number(r.id),
    title: String(r.title),
    scope: BacklogScopeSchema.parse(JSON.parse(String(r.scope))),
    owner: String(r.owner),
    expectedMonthlySavings: expected,
    currency: String(r.currency),
    risk: BacklogInputSchema.shape.risk.parse(r.risk),
    effort,
    status: BacklogInputSchema.shape.status.parse(r.status),
    dueDate: r.due_date == null ? null : String(r.due_date),
    changeDate: r.change_date == null ? null : String(r.change_date),
    notes: String(r.notes),
    source: r.source == null ? null : String(r.source),
    priority: priorityOf(expected, effort),
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
    updatedBy: String(r.updated_by),
  }
}
