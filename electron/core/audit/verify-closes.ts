/**
 * Checks the closed and reopened months as stored (period_closes) against the
 * audit log's record of each close and reopen: the same note, metric,
 * grouping, rule version, fingerprints and totals, in the same order per
 * month, and no record the log does not know of. A close record edited or
 * deleted behind Focal's back is found even where the log is intact.
 */
import { canonicalJson } from '../../../shared/canonical-json'
import type { Row, Workspace } from '../workspace/workspace'

/** A stored close or reopen that differs from the log's entry of it. */
export interface CloseMismatch {
  /** The log entry (null for a stored record the log has no entry of). */
  readonly seq: number | null
  readonly period: string
  readonly action: 'close' | 'reopen'
  /** What differs: a column of period_closes, or `record` when one side has none. */
  readonly field: string
  readonly expected: string
  readonly found: string
}

/** The closes check: how many logged closes and reopens were compared, and every difference. */
export interface ClosesResult {
  readonly checked: number
  readonly mismatches: readonly CloseMismatch[]
}

const ENTRIES_SQL = `SELECT seq, action, subject, details FROM audit_log
  WHERE action IN ('period.close', 'period.reopen') ORDER BY seq`

const RECORDS_SQL = `SELECT period, action, note, metric, grouped_by, rule_version,
  data_fingerprint, allocation_fingerprint, totals FROM period_closes ORDER BY recorded_at, rowid`

/** The stored column each logged detail of a close is compared with (beside the note and totals). */
const CLOSE_FIELDS: ReadonlyArray<[detail: string, column: string]> = [
  ['metric', 'metric'],
  ['groupedBy', 'grouped_by'],
  ['ruleVersion', 'rule_version'],
  ['dataFingerprint', 'data_fingerprint'],
  ['allocationFingerprint', 'allocation_fingerprint'],
]

/** Compares every logged close and reopen with period_closes, in order per month and action. */
export async function verifyCloses(ws: Workspace, connection = ws.writer): Promise<ClosesResult> {
  const entries = await ws.all(ENTRIES_SQL, [], connection)
  const records = await ws.all(RECORDS_SQL, [], connection)
  const mismatches: CloseMismatch[] = []
  const used = new Set<Row>()
  for (const entry of entries) {
    const action = entry.action === 'period.close' ? 'close' : 'reopen'
    const period = String(entry.subject)
    const seq = Number(entry.seq)
    const record = records.find((r) => !used.has(r) && r.period === period && r.action === action)
    if (!record) {
      mismatches.push({ seq, period, action, field: 'record', expected: 'stored', found: 'none' })
      continue
    }
    used.add(record)
    const parsed = parseJson(entry.details)
    const details = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
      string,
      unknown
    >
    const differ = (field: string, expected: unknown, found: unknown): void => {
      const [e, f] = [show(expected), show(found)]
      if (e !== f) mismatches.push({ seq, period, action, field, expected: e, found: f })
    }
    differ('note', details.note, record.note)
    if (action === 'reopen') continue
    for (const [detail, column] of CLOSE_FIELDS) differ(column, details[detail], record[column])
    differ('totals', canonicalJson(details.totals ?? null), canonicalJson(parseJson(record.totals)))
  }
  for (const record of records.filter((r) => !used.has(r)))
    mismatches.push({
      seq: null,
      period: String(record.period),
      action: record.action === 'reopen' ? 'reopen' : 'close',
      field: 'record',
      expected: 'none (the log has no entry of it)',
      found: 'stored',
    })
  return { checked: entries.length, mismatches }
}

/** JSON text parsed; null when there is none or it is not JSON. */
function parseJson(text: unknown): unknown {
  if (text === null || text === undefined) return null
  try {
    return JSON.parse(String(text)) as unknown
  } catch {
    return null
  }
}

function show(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value)
}
