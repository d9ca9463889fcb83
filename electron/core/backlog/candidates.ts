/**
 * Candidates for the cost-debt backlog proposed from the data, each with its evidence (the
 * figures and the filter of the rows they sum): unused commitment cost per commitment, resources
 * whose cost grew more than a threshold week over week (the last two whole ISO weeks, Monday
 * start, UTC), spend without an owner tag per sub account (`team`, `budget_owner` or `owner`
 * through the tag alias policy), and resources that look idle (cost with no consumed quantity).
 * Every figure is EffectiveCost (amortized: what a change would save), per currency.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type {
  BacklogCandidate,
  BacklogScope,
  Candidates,
  CandidatesRequest,
} from '../../../shared/contract/backlog'
import { addDays, daysBetween, isoWeekStart, laterDay } from '../../../shared/backlog/dates'
import { perMonth, percentGrowth } from '../../../shared/backlog/savings-math'
import { formatMoney, normalizeDecimal, subtractDecimals } from '../../../shared/money'
import type { Condition } from '../../../shared/pivot'
import { whereContext, whereSql } from '../../../shared/sql/pivot-where-sql'
import type { Row, Workspace } from '../workspace/workspace'
import {
  DATA_DAYS_SQL,
  IDLE_RESOURCES_SQL,
  UNUSED_COMMITMENTS_SQL,
  WEEK_GROWTH_SQL,
  untaggedSpendSql,
} from './backlog-sql'
import { scopeContext } from './backlog-scope'
import { listItems } from './backlog-items'
import { cachedCandidates } from './candidates-cache'

/** The tag keys that name who owns spend; a row with none of them has no owner. */
export const OWNER_TAG_KEYS = ['team', 'budget_owner', 'owner'] as const

/** Week-over-week growth above this percent makes a candidate unless asked otherwise. */
export const DEFAULT_GROWTH_PERCENT = 50

/** Days of the window unused, untagged and idle cost are read over unless asked otherwise. */
export const DEFAULT_WINDOW_DAYS = 30

/** The method, stated beside the candidates. */
export function candidatesMethod(thresholdPercent: number, days: number): string {
  return (
    `EffectiveCost per currency. Unused commitments: rows with CommitmentDiscountStatus Unused, ` +
    `per CommitmentDiscountId, over the last ${days} days with data. Growth: a resource's cost ` +
    `in the last whole ISO week (Monday to Sunday, UTC) more than ${thresholdPercent}% above the ` +
    `week before; suggested savings are the increase per 30 days. Untagged: spend with none of ` +
    `the tags ${OWNER_TAG_KEYS.join(', ')} (aliases included), per sub account; no savings are ` +
    `assumed, tagging lets an owner act. Idle: a resource with cost above zero and every ` +
    `ConsumedQuantity 0 or empty over the window. Suggested savings are the cost per 30 days.`
  )
}

/** Proposes the candidates, each marked with the backlog item accepted from it. */
export async function listCandidates(
  ws: Workspace,
  request: CandidatesRequest = {},
): Promise<Candidates> {
  const thresholdPercent = request.thresholdPercent ?? DEFAULT_GROWTH_PERCENT
  const days = request.days ?? DEFAULT_WINDOW_DAYS
  const base = {
    metric: 'EffectiveCost' as const,
    thresholdPercent,
    method: candidatesMethod(thresholdPercent, days),
  }
  const connection = await ws.reader()
  try {
    // The candidates are kept per data version; which were accepted is read every time.
    const scanned = await cachedCandidates(ws, connection, { thresholdPercent, days }, () =>
      scanCandidates(ws, connection, thresholdPercent, days),
    )
    const accepted = new Map(
      (await listItems(ws)).flatMap((i) => (i.source ? [[i.source, i.id] as const] : [])),
    )
    // Copies: a caller that edits an answer (a mask, say) must not edit the kept one.
    const candidates = scanned.found.map((c) => ({
      ...structuredClone(c),
      itemId: accepted.get(c.key) ?? null,
    }))
    return { ...base, window: scanned.window, weeks: scanned.weeks, candidates }
  } finally {
    connection.closeSync()
  }
}

/** What reading the rows finds: the windows and the candidates before any was accepted. */
interface Scanned {
  readonly window: Window | null
  readonly weeks: Weeks | null
  readonly found: Found[]
}

async function scanCandidates(
  ws: Workspace,
  connection: DuckDBConnection,
  thresholdPercent: number,
  days: number,
): Promise<Scanned> {
  const [range] = await ws.all(DATA_DAYS_SQL, [], connection)
  if (range?.first_day == null || range.end_day == null)
    return { window: null, weeks: null, found: [] }
  const first = String(range.first_day)
  const end = String(range.end_day)
  const start = laterDay(first, addDays(end, -days))
  const window = { start, end, days: daysBetween(start, end) }
  // The last whole ISO week ends on the Monday on or before the day after the data.
  const monday = isoWeekStart(end)
  const weeks =
    addDays(monday, -14) >= first
      ? { previous: addDays(monday, -14), latest: addDays(monday, -7), end: monday }
      : null
  const found = [
    ...(await unusedCommitments(ws, connection, window)),
    ...(weeks ? await weekGrowth(ws, connection, weeks, thresholdPercent) : []),
    ...(await untaggedSpend(ws, connection, window)),
    ...(await idleResources(ws, connection, window)),
  ]
  return { window, weeks, found }
}

type Window = { start: string; end: string; days: number }
type Weeks = { previous: string; latest: string; end: string }
type Found = Omit<BacklogCandidate, 'itemId'>
type FilterScope = Extract<BacklogScope, { kind: 'filter' }>

const money = (amount: string, currency: string): string => formatMoney(amount, currency)
const text = (v: unknown): string | null => (v == null ? null : String(v))

function scopeOf(column: string, value: string | null, conditions: Condition[] = []): FilterScope {
  return {
    kind: 'filter',
    filters: [{ dimension: { kind: 'column', name: column }, op: 'in', values: [value] }],
    conditions,
  }
}

function candidate(
  kind: Found['kind'],
  subject: string | null,
  r: Row,
  fields: Pick<Found, 'title' | 'evidence' | 'cost' | 'previousCost' | 'expectedMonthlySavings'>,
  scope: FilterScope,
  dateRange: { start: string; end: string },
): Found {
  const currency = String(r.currency)
  return {
    key: `${kind}:${currency}:${subject ?? ''}`,
    kind,
    currency,
    rows: Number(r.n),
    ...fields,
    scope,
    evidenceRows: { filters: scope.filters, conditions: scope.conditions, dateRange },
  }
}

async function unusedCommitments(
  ws: Workspace,
  connection: DuckDBConnection,
  w: Window,
): Promise<Found[]> {
  const rows = await ws.all(UNUSED_COMMITMENTS_SQL, [w.start, w.end], connection)
  return rows.map((r) => {
    const id = String(r.key)
    const cost = normalizeDecimal(String(r.cost))
    const label = text(r.name) ?? id
    const scope = scopeOf('CommitmentDiscountId', id, [
      {
        op: 'equals',
        dimension: { kind: 'column', name: 'CommitmentDiscountStatus' },
        text: 'Unused',
      },
    ])
    return candidate(
      'unused-commitment',
      id,
      r,
      {
        title: `Unused commitment ${label}: resize, exchange or move usage onto it`,
        evidence: `${money(cost, String(r.currency))} of unused commitment over ${w.days} days (${w.start} to ${addDays(w.end, -1)}).`,
        cost,
        previousCost: null,
        expectedMonthlySavings: perMonth(cost, w.days),
      },
      scope,
      w,
    )
  })
}

async function weekGrowth(
  ws: Workspace,
  connection: DuckDBConnection,
  weeks: Weeks,
  thresholdPercent: number,
): Promise<Found[]> {
  const params = [weeks.previous, weeks.latest, weeks.end, String(thresholdPercent)]
  const rows = await ws.all(WEEK_GROWTH_SQL, params, connection)
  return rows.map((r) => {
    const id = String(r.key)
    const previousCost = normalizeDecimal(String(r.prev_cost))
    const cost = normalizeDecimal(String(r.last_cost))
    const currency = String(r.currency)
    const increase = subtractDecimals(cost, previousCost)
    const growth = percentGrowth(previousCost, cost) ?? '0'
    return candidate(
      'week-growth',
      id,
      r,
      {
        title: `Cost of ${text(r.name) ?? id} grew ${growth}% week over week`,
        evidence: `${money(cost, currency)} in the week of ${weeks.latest} against ${money(previousCost, currency)} in the week of ${weeks.previous} (+${growth}%).`,
        cost,
        previousCost,
        expectedMonthlySavings: perMonth(increase, 7),
      },
      scopeOf('ResourceId', id),
      { start: weeks.previous, end: weeks.end },
    )
  })
}

async function untaggedSpend(
  ws: Workspace,
  connection: DuckDBConnection,
  w: Window,
): Promise<Found[]> {
  const known = await scopeContext(ws, connection)
  if (!known.columns.has('Tags') || !known.columns.has('SubAccountName')) return []
  const conditions: Condition[] = OWNER_TAG_KEYS.map((key) => ({ op: 'tagMissing', key }))
  const context = whereContext(known.columns, { tags: known.tags })
  context.bind(w.start)
  context.bind(w.end)
  const where = whereSql(context, { dateRange: null, filters: [], conditions })
  const rows = await ws.all(untaggedSpendSql(where), context.params, connection)
  return rows.map((r) => {
    const account = text(r.key)
    const cost = normalizeDecimal(String(r.cost))
    const label = account ?? 'the spend without a sub account'
    return candidate(
      'untagged',
      account,
      r,
      {
        title: `Tag the owner of ${label}`,
        evidence: `${money(cost, String(r.currency))} over ${w.days} days carries none of the tags ${OWNER_TAG_KEYS.join(', ')}.`,
        cost,
        previousCost: null,
        expectedMonthlySavings: '0',
      },
      scopeOf('SubAccountName', account, conditions),
      w,
    )
  })
}

async function idleResources(
  ws: Workspace,
  connection: DuckDBConnection,
  w: Window,
): Promise<Found[]> {
  const rows = await ws.all(IDLE_RESOURCES_SQL, [w.start, w.end], connection)
  return rows.map((r) => {
    const id = String(r.key)
    const cost = normalizeDecimal(String(r.cost))
    return candidate(
      'idle',
      id,
      r,
      {
        title: `Idle-looking resource ${text(r.name) ?? id}: stop or delete it`,
        evidence: `${money(cost, String(r.currency))} over ${w.days} days with no consumed quantity (${Number(r.n)} rows).`,
        cost,
        previousCost: null,
        expectedMonthlySavings: perMonth(cost, w.days),
      },
      scopeOf('ResourceId', id),
      w,
    )
  })
}
