/** The audit log as a person reads it (`focal audit log`): entries in order, filtered by UTC day and kind. */
import type { DuckDBValue } from '@duckdb/node-api'
import type { Workspace } from '../workspace/workspace'
import { isoMicros } from './audit-hash'

/** One entry as shown: number, UTC time, who, what, on which subject, details. */
export interface AuditEntry {
  readonly seq: number | null
  /** UTC, ISO 8601 with microseconds, exactly as hashed. */
  readonly loggedAt: string
  readonly actor: string
  readonly action: string
  readonly subject: string | null
  /** The details JSON, parsed (the text itself when it is not JSON). */
  readonly details: unknown
}

/** Which entries: from and to are UTC days (YYYY-MM-DD, both included), kind an action or its prefix. */
export interface AuditFilter {
  readonly from?: string
  readonly to?: string
  /** `import` matches import.imported and import.supersede; `import.imported` only itself. */
  readonly kind?: string
}

/** The entries that pass `filter`, in chain order, read on a reader of their own. */
export async function listAuditEntries(ws: Workspace, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = []
  const values: DuckDBValue[] = []
  const bind = (value: string): string => {
    values.push(value)
    return `$${values.length}`
  }
  if (filter.from) where.push(`logged_at >= (${bind(filter.from)} || ' 00:00:00+00')::TIMESTAMPTZ`)
  if (filter.to)
    where.push(`logged_at < (${bind(filter.to)} || ' 00:00:00+00')::TIMESTAMPTZ + INTERVAL 1 DAY`)
  if (filter.kind) {
    const kind = bind(filter.kind)
    where.push(`(action = ${kind} OR starts_with(action, ${kind} || '.'))`)
  }
  const sql = `SELECT seq, epoch_us(logged_at)::VARCHAR AS us, actor, action, subject, details
    FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq NULLS FIRST, rowid`
  const connection = await ws.reader()
  try {
    const rows = await ws.all(sql, values, connection)
    return rows.map((row) => ({
      seq: row.seq === null ? null : Number(row.seq),
      loggedAt: isoMicros(BigInt(String(row.us))),
      actor: String(row.actor),
      action: String(row.action),
      subject: row.subject === null ? null : String(row.subject),
      details: parseDetails(row.details),
    }))
  } finally {
    connection.closeSync()
  }
}

function parseDetails(text: unknown): unknown {
  if (text === null) return null
  try {
    return JSON.parse(String(text))
  } catch {
    return String(text)
  }
}
