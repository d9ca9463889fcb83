/**
 * Exchange rates kept in the workspace: `focal fx import` (and the Reports screen) store a
 * rates file's rates with the file's name and SHA-256, all or nothing; the same file again
 * is "already imported". A later file's rate for a pair and date restates an earlier one
 * (a corrected rate), and the import record keeps which file said what.
 */
import { normalizeDecimal } from '../../../shared/money'
import { parseRatesCsv, type FxRate } from '../../../shared/fx'
import { actorName, type Workspace } from '../workspace/workspace'
import { EFFECTIVE_RATES_SQL, FX_TABLES } from './fx-sql'

/** What an import did. */
export interface FxImportResult {
  readonly status: 'imported' | 'already-imported'
  readonly importId: number
  readonly fileName: string
  readonly sha256: string
  readonly rates: number
  /** Rates of earlier imports this file restated (same pair and date). */
  readonly restated: number
}

/** A rates file imported. */
export interface FxImport {
  readonly id: number
  readonly fileName: string
  readonly sha256: string
  readonly rates: number
  readonly importedAt: string
  readonly actor: string
}

/** A rate in force, with the import it came from. */
export interface StoredRate extends FxRate {
  readonly importId: number
}

/** Imports a rates file's text (`fileName`: its display name; `sha256`: of its bytes). Nothing is stored when a line is bad. */
export async function importRates(
  ws: Workspace,
  text: string,
  fileName: string,
  sha256: string,
): Promise<FxImportResult> {
  const rates = parseRatesCsv(text, fileName)
  return ws.transaction(async () => {
    for (const ddl of FX_TABLES) await ws.run(ddl)
    const [seen] = await ws.all('SELECT id, rates FROM fx_imports WHERE sha256 = $1', [sha256])
    if (seen)
      return {
        status: 'already-imported',
        importId: Number(seen.id),
        fileName,
        sha256,
        rates: Number(seen.rates),
        restated: 0,
      }
    const [next] = await ws.all('SELECT coalesce(max(id), 0) + 1 AS id FROM fx_imports')
    const id = Number(next?.id ?? 1)
    const before = new Set((await readRates(ws)).map(rateKey))
    await ws.run('INSERT INTO fx_imports VALUES ($1, $2, $3, $4, now(), $5)', [
      id,
      fileName,
      sha256,
      rates.length,
      actorName(),
    ])
    for (const r of rates)
      await ws.run(
        'INSERT INTO fx_rates VALUES ($1, $2, $3, $4, $5, CAST($6 AS DECIMAL(38,18)), $7)',
        [id, r.from, r.to, r.grain, r.on, r.rate, r.source],
      )
    const restated = rates.filter((r) => before.has(rateKey(r))).length
    await ws.audit('fx.import', fileName, { sha256, rates: rates.length, restated })
    return { status: 'imported', importId: id, fileName, sha256, rates: rates.length, restated }
  })
}

function rateKey(r: FxRate): string {
  return `${r.from}>${r.to}@${r.grain}:${r.on}`
}

async function hasTables(ws: Workspace): Promise<boolean> {
  const rows = await ws.all(
    "SELECT 1 AS x FROM duckdb_tables() WHERE table_name = 'fx_rates' AND schema_name = 'main'",
  )
  return rows.length > 0
}

/** The rates in force (a later import's rate for a pair and date wins). */
export async function readRates(ws: Workspace): Promise<StoredRate[]> {
  if (!(await hasTables(ws))) return []
  const rows = await ws.all(EFFECTIVE_RATES_SQL)
  return rows.map((r) => ({
    from: String(r.from_currency),
    to: String(r.to_currency),
    grain: r.grain === 'month' ? 'month' : 'day',
    on: String(r.rate_on),
    rate: normalizeDecimal(String(r.rate)),
    source: String(r.source),
    importId: Number(r.import_id),
  }))
}

/** The rates files imported, oldest first. */
export async function listFxImports(ws: Workspace): Promise<FxImport[]> {
  if (!(await hasTables(ws))) return []
  const rows = await ws.all(
    `SELECT id, file_name, sha256, rates, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor
     FROM fx_imports ORDER BY id`,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    fileName: String(r.file_name),
    sha256: String(r.sha256),
    rates: Number(r.rates),
    importedAt: String(r.at),
    actor: String(r.actor),
  }))
}
