/** The import registry: every attempt with its file identity, outcome and totals. */
import type { FocalError, ImportRecord, ImportTotal } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { readCommitmentFacts } from '../commitments/commitment-facts'
import { readImportMappings } from '../mappings/mappings-store'
import { redactPath } from './redact-path'
import { NO_DELIVERY_FACTS, readDeliveryFacts } from './supersede'
import { readDeliveryParts, type DeliveryPart } from '../ingest/cur-delivery-facts'
import { deliveryPart } from '../ingest/cur-delivery-context'
import { actorName, type Row, type Workspace } from './workspace'

/** What is known about an import attempt before it ends. */
export interface Attempt {
  /** The registry id, once `beginAttempt` has recorded the attempt as running. */
  id?: number
  /** Where the file is read from; never stored: texts naming it are cleaned (redactPath). */
  sourcePath?: string
  fileName: string
  sha256: string
  sizeBytes: number
  format: string
  focusVersion: string | null
  startedAt: Date
}

/**
 * Records an attempt as running, committed on its own before any work, so an
 * import killed half-way still leaves its trace; the next open marks it
 * interrupted. Sets `attempt.id`, which the outcome then overwrites.
 */
export async function beginAttempt(ws: Workspace, attempt: Attempt): Promise<number> {
  const id = await importIdOf(ws, attempt)
  attempt.id = id
  await ws.run(
    'INSERT INTO imports (id, file_name, sha256, size_bytes, format, row_count, status, reconciled, started_at, actor) VALUES ($1, $2, $3, $4, $5, 0, $6, false, $7::TIMESTAMPTZ, $8)',
    [
      id,
      attempt.fileName,
      attempt.sha256,
      attempt.sizeBytes,
      attempt.format,
      'running',
      attempt.startedAt.toISOString(),
      actorName(),
    ],
  )
  return id
}

/** The attempt's registry id: the one `beginAttempt` took, or a new one. */
export async function importIdOf(ws: Workspace, attempt: Attempt): Promise<number> {
  if (attempt.id !== undefined) return attempt.id
  const [row] = await ws.all("SELECT nextval('import_id_seq')::INTEGER AS id")
  return Number(row?.id)
}

/** Records an attempt that stored no rows (failed, duplicate, cancelled) and returns its record. */
export async function recordAttempt(
  ws: Workspace,
  attempt: Attempt,
  outcome: { status: 'failed' | 'duplicate' | 'skipped' | 'cancelled'; error: FocalError },
): Promise<ImportRecord> {
  const id = await importIdOf(ws, attempt)
  const error = redactPath(outcome.error, attempt.sourcePath, attempt.fileName)
  await insertImport(ws, id, attempt, {
    status: outcome.status,
    rowCount: 0,
    reconciled: false,
    error,
  })
  await ws.audit(`import.${outcome.status}`, attempt.fileName, {
    importId: id,
    sha256: attempt.sha256,
    error,
  })
  return readImport(ws, id)
}

/** Inserts an import row, or replaces the running row of the same attempt. */
export async function insertImport(
  ws: Workspace,
  id: number,
  attempt: Attempt,
  outcome: {
    status: ImportRecord['status']
    rowCount: number
    reconciled: boolean
    error?: FocalError | null
    fixes?: ImportRecord['fixes']
    issues?: ImportRecord['issues']
    columnMap?: unknown
  },
): Promise<void> {
  const finished = new Date()
  const clean = <T>(value: T): T => redactPath(value, attempt.sourcePath, attempt.fileName)
  await ws.run(
    `INSERT OR REPLACE INTO imports VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::TIMESTAMPTZ, $11::TIMESTAMPTZ, $12, $13, $14, $15, $16, $17)`,
    [
      id,
      attempt.fileName,
      attempt.sha256,
      attempt.sizeBytes,
      attempt.format,
      attempt.focusVersion,
      outcome.rowCount,
      outcome.status,
      outcome.reconciled,
      attempt.startedAt.toISOString(),
      finished.toISOString(),
      finished.getTime() - attempt.startedAt.getTime(),
      outcome.error ? JSON.stringify(clean(outcome.error)) : null,
      JSON.stringify(outcome.fixes ?? []),
      JSON.stringify(clean(outcome.issues ?? [])),
      outcome.columnMap === undefined ? null : JSON.stringify(outcome.columnMap),
      actorName(),
    ],
  )
}

/** The imported (not failed) import with this SHA-256, if any. */
export async function findImportBySha(
  ws: Workspace,
  sha256: string,
): Promise<{ id: number; fileName: string } | null> {
  // A CUR delivery's part may repeat an earlier delivery's part byte for byte: its delivery decides.
  if (deliveryPart()) return null
  const [row] = await ws.all(
    "SELECT id, file_name FROM imports WHERE sha256 = $1 AND status = 'imported' LIMIT 1",
    [sha256],
  )
  return row ? { id: Number(row.id), fileName: String(row.file_name) } : null
}

/** All import attempts, newest first, each with its per-currency totals. */
export async function listImports(ws: Workspace, connection = ws.writer): Promise<ImportRecord[]> {
  const rows = await ws.all(`${SELECT_IMPORTS} ORDER BY id DESC`, [], connection)
  const totals = await ws.all(`${SELECT_TOTALS} ORDER BY import_id, currency`, [], connection)
  // Read-only means no Focal process holds the file for writing: a "running" attempt was cut off.
  const stale = (row: Row): Row =>
    ws.readOnly && row.status === 'running' ? { ...row, status: 'interrupted' } : row
  const facts = await readDeliveryFacts(ws, 'all', connection)
  const commitments = await readCommitmentFacts(ws, 'all', connection)
  const parts = await readDeliveryParts(ws, 'all', connection)
  const mappings = await readImportMappings(ws, 'all', connection)
  return rows.map((row) => ({
    ...toRecord(
      stale(row),
      totals.filter((t) => Number(t.import_id) === Number(row.id)),
    ),
    ...(facts.get(Number(row.id)) ?? NO_DELIVERY_FACTS),
    ...commitments.get(Number(row.id)),
    ...partOf(parts, Number(row.id)),
    ...mappingOf(mappings, Number(row.id)),
  }))
}

/** One import by id. */
export async function readImport(ws: Workspace, id: number): Promise<ImportRecord> {
  const [row] = await ws.all(`${SELECT_IMPORTS} WHERE id = $1`, [id])
  if (!row) throw new Error(`import ${id} not found`)
  const totals = await ws.all(`${SELECT_TOTALS} WHERE import_id = $1 ORDER BY currency`, [id])
  const facts = await readDeliveryFacts(ws, id)
  const commitments = await readCommitmentFacts(ws, id)
  return {
    ...toRecord(row, totals),
    ...(facts.get(id) ?? NO_DELIVERY_FACTS),
    ...commitments.get(id),
    ...partOf(await readDeliveryParts(ws, id), id),
    ...mappingOf(await readImportMappings(ws, id), id),
  }
}

/** An AWS CUR delivery's part names its manifest, delivery and place; other imports have no `delivery`. */
function partOf(parts: Map<number, DeliveryPart>, id: number): Pick<ImportRecord, 'delivery'> {
  const delivery = parts.get(id)
  return delivery ? { delivery } : {}
}

/** A file read with a column mapping names it and its hash; other imports have no `mapping`. */
function mappingOf(
  mappings: Map<number, NonNullable<ImportRecord['mapping']>>,
  id: number,
): Pick<ImportRecord, 'mapping'> {
  const mapping = mappings.get(id)
  return mapping ? { mapping } : {}
}

const SELECT_IMPORTS = `SELECT id, file_name, sha256, size_bytes, format, focus_version, row_count, status, reconciled,
  strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at,
  duration_ms, error, fixes, issues, column_map FROM imports`

const SELECT_TOTALS = `SELECT import_id, currency, rows, billed_source::VARCHAR AS billed_source, billed_stored::VARCHAR AS billed_stored,
  effective_source::VARCHAR AS effective_source, effective_stored::VARCHAR AS effective_stored, reconciled FROM import_totals`

/** The registry columns of an import; its delivery facts are read beside (supersede.ts). */
function toRecord(
  row: Row,
  totals: Row[],
): Omit<
  ImportRecord,
  'scopes' | 'supersededBy' | 'supersedes' | 'keptBeside' | 'delta' | 'costView'
> {
  return {
    id: Number(row.id),
    fileName: String(row.file_name),
    sha256: String(row.sha256),
    sizeBytes: Number(row.size_bytes),
    format: String(row.format),
    focusVersion: row.focus_version == null ? null : String(row.focus_version),
    rowCount: Number(row.row_count),
    status: row.status as ImportRecord['status'],
    reconciled: Boolean(row.reconciled),
    startedAt: String(row.started_at),
    finishedAt: row.finished_at == null ? null : String(row.finished_at),
    durationMs: row.duration_ms == null ? null : Number(row.duration_ms),
    totals: totals.map(toTotal),
    error: row.error == null ? null : (JSON.parse(String(row.error)) as FocalError),
    fixes: JSON.parse(String(row.fixes ?? '[]')) as ImportRecord['fixes'],
    ...checks(row.issues),
    extraColumns: extraColumns(row.column_map),
    assumed: assumedColumns(row.column_map),
  }
}

/** The FOCUS columns of an import's column map that the file lacked and a person supplied. */
function assumedColumns(columnMap: unknown): NonNullable<ImportRecord['assumed']> {
  if (columnMap == null) return []
  const map = JSON.parse(String(columnMap)) as Array<{ target: string; assumed?: string }>
  return map.flatMap((c) =>
    c.assumed === undefined ? [] : [{ column: c.target, value: c.assumed }],
  )
}

/** The stored checks (validate.ts keeps passed rules with 0 rows): the failures, and every rule run. */
function checks(stored: unknown): Pick<ImportRecord, 'issues' | 'rulesChecked'> {
  const all = JSON.parse(String(stored ?? '[]')) as ImportRecord['issues']
  return {
    issues: all.filter((issue) => issue.rows > 0),
    rulesChecked: all.map((issue) => issue.rule),
  }
}

/** The entries of an import's column map kept outside FOCUS columns (x_ columns and keys of x_Extra). */
function extraColumns(columnMap: unknown): ImportRecord['extraColumns'] {
  if (columnMap == null) return []
  const map = JSON.parse(String(columnMap)) as ImportRecord['extraColumns']
  return map.filter((c) => c.target.startsWith('x_'))
}

function toTotal(row: Row): ImportTotal {
  const dec = (value: unknown): string => normalizeDecimal(value == null ? '0' : String(value))
  return {
    currency: String(row.currency ?? ''),
    rows: Number(row.rows),
    billedSource: dec(row.billed_source),
    billedStored: dec(row.billed_stored),
    effectiveSource: dec(row.effective_source),
    effectiveStored: dec(row.effective_stored),
    reconciled: Boolean(row.reconciled),
  }
}
