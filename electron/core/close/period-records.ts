/**
 * A workspace's close records read back: each period's state (Open, Closed,
 * Reopened) is its latest record, and the close a reopened period is compared
 * with is the latest close before the reopen.
 */
import type { Row, Workspace } from '../workspace/workspace'
import { CLOSE_RECORDS_SQL, HAS_CLOSE_TABLES_SQL } from './close-sql'

/** Allocated figures of one target in one currency: what a close freezes and a pack states. */
export interface Figure {
  target: string
  currency: string
  /** Exact DECIMAL as text. */
  amount: string
  lines: number
}

/** A period's total of the metric in one currency, straight from the cost rows. */
export interface CurrencyTotal {
  currency: string
  amount: string
}

/** The files of the pack that was the period's latest when it closed. */
export interface ClosedPack {
  kind: string
  at: string
  files: Array<{ path: string; sha256: string }>
}

/** One close or reopen, as stored. */
export interface CloseRecord {
  period: string
  action: 'close' | 'reopen'
  /** ISO 8601 UTC. */
  at: string
  actor: string
  note: string
  /** Close only: what was frozen. */
  metric: string | null
  groupedBy: string | null
  ruleVersion: string | null
  dataFingerprint: string | null
  allocationFingerprint: string | null
  totals: CurrencyTotal[]
  figures: Figure[]
  pack: ClosedPack | null
}

/** A period's state: never closed, closed (with its record), or reopened (with both records). */
export interface PeriodState {
  period: string
  state: 'open' | 'closed' | 'reopened'
  /** The latest close, if any. */
  close: CloseRecord | null
  /** The reopen after it, when reopened. */
  reopen: CloseRecord | null
}

const text = (v: unknown): string | null => (v == null ? null : String(v))
const json = <T>(v: unknown, empty: T): T => (v == null ? empty : (JSON.parse(String(v)) as T))

function toRecord(r: Row): CloseRecord {
  return {
    period: String(r.period),
    action: r.action === 'reopen' ? 'reopen' : 'close',
    at: String(r.at),
    actor: String(r.actor),
    note: String(r.note),
    metric: text(r.metric),
    groupedBy: text(r.grouped_by),
    ruleVersion: text(r.rule_version),
    dataFingerprint: text(r.data_fingerprint),
    allocationFingerprint: text(r.allocation_fingerprint),
    totals: json<CurrencyTotal[]>(r.totals, []),
    figures: json<Figure[]>(r.figures, []),
    pack: json<ClosedPack | null>(r.pack, null),
  }
}

/** Every close and reopen, oldest first. */
export async function closeRecords(ws: Workspace): Promise<CloseRecord[]> {
  const [has] = await ws.all(HAS_CLOSE_TABLES_SQL)
  if (Number(has?.n ?? 0) < 2) return []
  return (await ws.all(CLOSE_RECORDS_SQL)).map(toRecord)
}

/** The state of every period that was ever closed, by period, oldest period first. */
export async function periodStates(ws: Workspace): Promise<PeriodState[]> {
  const states = new Map<string, PeriodState>()
  for (const record of await closeRecords(ws)) {
    const state = states.get(record.period) ?? {
      period: record.period,
      state: 'open',
      close: null,
      reopen: null,
    }
    if (record.action === 'close')
      Object.assign(state, { state: 'closed', close: record, reopen: null })
    else Object.assign(state, { state: 'reopened', reopen: record })
    states.set(record.period, state)
  }
  return [...states.values()].sort((a, b) => a.period.localeCompare(b.period))
}

/** One period's state; 'open' with no records when it was never closed. */
export async function periodState(ws: Workspace, period: string): Promise<PeriodState> {
  const found = (await periodStates(ws)).find((s) => s.period === period)
  return found ?? { period, state: 'open', close: null, reopen: null }
}

/** "2024-09, closed on 2026-11-30 10:15 UTC by ana: "…"" — how errors and the CLI name a close. */
export function describeClose(record: CloseRecord): string {
  return `closed on ${record.at.slice(0, 16).replace('T', ' ')} UTC by ${record.actor}: "${record.note}"`
}
