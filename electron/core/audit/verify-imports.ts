/**
 * Checks what is stored against what the audit log says each import stored:
 * an `import.imported` entry carries the file's SHA-256, its row count and,
 * for cost rows, the rows and exact BilledCost / EffectiveCost stored per
 * currency. The import registry must hold the same file name, SHA-256 and row
 * count, and cost_rows (or contract_commitments) the same rows and sums, so a
 * row or amount edited behind Focal's back is found even where the log is intact.
 */
import { normalizeDecimal } from '../../../shared/money'
import type { Row, Workspace } from '../workspace/workspace'
import {
  IMPORTED_ENTRIES_SQL,
  IMPORT_RECORDS_SQL,
  STORED_COMMITMENTS_SQL,
  STORED_ROW_SUMS_SQL,
} from './verify-imports-sql'

/** A stored figure that differs from the log's record of its import. */
export interface ImportMismatch {
  /** The log entry that recorded the import. */
  readonly seq: number
  readonly importId: number
  readonly fileName: string
  /** What differs: file_name, sha256, row_count, or rows / billed / effective in <currency>. */
  readonly field: string
  /** As the log recorded it. */
  readonly expected: string
  /** As stored now. */
  readonly found: string
}

/** The imports check: how many logged imports were compared, and every difference. */
export interface ImportsResult {
  readonly checked: number
  readonly mismatches: readonly ImportMismatch[]
}

/** One per-currency total of an `import.imported` entry (reconcile.ts ImportTotal). */
interface LoggedTotal {
  currency?: string
  rows?: number
  billedStored?: string | null
  effectiveStored?: string | null
}

/** Compares every logged import with the registry and the stored rows. */
export async function verifyImports(ws: Workspace, connection = ws.writer): Promise<ImportsResult> {
  const entries = await ws.all(IMPORTED_ENTRIES_SQL, [], connection)
  const records = byId(await ws.all(IMPORT_RECORDS_SQL, [], connection))
  const sums = await ws.all(STORED_ROW_SUMS_SQL, [], connection)
  const commitments = byId(await ws.all(STORED_COMMITMENTS_SQL, [], connection))
  const mismatches: ImportMismatch[] = []
  let checked = 0
  for (const entry of entries) {
    const details = parse(entry.details)
    if (typeof details?.importId !== 'number' || typeof details.sha256 !== 'string') continue
    checked += 1
    const importId = details.importId
    const fileName = String(entry.subject)
    const differ = (field: string, expected: unknown, found: unknown): void => {
      const [e, f] = [show(expected), show(found)]
      if (e !== f)
        mismatches.push({
          seq: Number(entry.seq),
          importId,
          fileName,
          field,
          expected: e,
          found: f,
        })
    }
    const record = records.get(importId)
    differ('file_name', fileName, record?.file_name ?? 'no such import')
    differ('sha256', details.sha256, record?.sha256 ?? 'no such import')
    differ('row_count', details.rows, record?.row_count ?? 'no such import')
    if (details.dataset === 'ContractCommitment') {
      differ('rows stored', details.rows, commitments.get(importId)?.rows ?? 0)
      continue
    }
    const stored = sums.filter((s) => Number(s.id) === importId)
    const logged = Array.isArray(details.totals) ? (details.totals as LoggedTotal[]) : []
    const currencies = new Set([
      ...logged.map((t) => t.currency ?? ''),
      ...stored.map((s) => String(s.currency)),
    ])
    for (const currency of currencies) {
      const t = logged.find((l) => (l.currency ?? '') === currency)
      const s = stored.find((r) => String(r.currency) === currency)
      const label = currency === '' ? 'no currency' : currency
      differ(`rows in ${label}`, t?.rows ?? 0, s?.rows ?? 0)
      differ(`billed in ${label}`, money(t?.billedStored), money(s?.billed))
      differ(`effective in ${label}`, money(t?.effectiveStored), money(s?.effective))
    }
  }
  return { checked, mismatches }
}

function byId(rows: Row[]): Map<number, Row> {
  return new Map(rows.map((r) => [Number(r.id), r]))
}

function parse(text: unknown): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(String(text))
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** An exact amount in its shortest form, so 1.50 and 1.500000000000000000 compare equal. */
function money(value: unknown): string {
  return value === null || value === undefined ? 'none' : normalizeDecimal(String(value))
}

function show(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value)
}
