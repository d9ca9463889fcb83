/**
 * The diagnostics export (issue 11, Privacy): what a person can send when asking for help,
 * with no client data in it. A ZIP of `diagnostics.json` (versions of Focal, Node, DuckDB and
 * the OS, CPUs and memory, the host's settings, and of the open workspace only its format,
 * row and import counts and size: no workspace, account or file names, no values) and the
 * local log's files, which hold none either (log/focal-log.ts).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { INFO_IMPORTS_SQL, INFO_ROWS_SQL } from '../info/info-sql'
import { LOG_FILE, LOG_FILES_KEPT } from '../log/focal-log'
import { writePackZip, type ZipSource } from '../report/zip'
import type { Workspace } from '../workspace/workspace'

/** What the host tells about itself. */
export interface DiagnosticsContext {
  version: string
  host: string
  /** The log folder, or null when logging is off. */
  logDir: string | null
}

/** The facts of `diagnostics.json`. */
export interface Diagnostics {
  generatedAt: string
  versions: { focal: string; node: string; duckdb: string; electron: string | null }
  system: { platform: string; release: string; arch: string; cpus: number; memoryBytes: number }
  settings: { host: string; network: 'none'; telemetry: false; duckdbExternalAccess: false }
  workspace: {
    format: number
    readOnly: boolean
    sizeBytes: number
    rows: { counted: number; stored: number }
    imports: { total: number; byStatus: Record<string, number> }
  } | null
}

/** Gathers the facts; `ws` is the open workspace or null. */
export async function gatherDiagnostics(
  ws: Workspace | null,
  context: DiagnosticsContext,
): Promise<Diagnostics> {
  return {
    generatedAt: new Date().toISOString(),
    versions: {
      focal: context.version,
      node: process.versions.node,
      duckdb: await duckdbVersion(ws),
      electron: process.versions.electron ?? null,
    },
    system: {
      platform: platform(),
      release: release(),
      arch: arch(),
      cpus: cpus().length,
      memoryBytes: totalmem(),
    },
    settings: {
      host: context.host,
      network: 'none',
      telemetry: false,
      duckdbExternalAccess: false,
    },
    workspace: ws ? await workspaceFacts(ws) : null,
  }
}

async function workspaceFacts(ws: Workspace): Promise<NonNullable<Diagnostics['workspace']>> {
  const [format] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
  const [rows] = await ws.all(INFO_ROWS_SQL)
  const byStatus = Object.fromEntries(
    (await ws.all(INFO_IMPORTS_SQL)).map((r) => [String(r.status), Number(r.n)]),
  )
  const size = (path: string): number => (existsSync(path) ? statSync(path).size : 0)
  return {
    format: Number(format?.value),
    readOnly: ws.readOnly,
    sizeBytes: size(ws.path) + size(`${ws.path}.wal`),
    rows: { counted: Number(rows?.counted ?? 0), stored: Number(rows?.stored ?? 0) },
    imports: { total: Object.values(byStatus).reduce((n, c) => n + c, 0), byStatus },
  }
}

async function duckdbVersion(ws: Workspace | null): Promise<string> {
  if (ws) return String((await ws.all('SELECT version() AS v'))[0]?.v)
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll('SELECT version() AS v')
    return String(reader.getRowObjectsJS()[0]?.v)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** The diagnostics ZIP's bytes: `diagnostics.json` and the log files under `logs/`. */
export async function diagnosticsZip(facts: Diagnostics, logDir: string | null): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'focal-diagnostics-'))
  try {
    const json = join(dir, 'diagnostics.json')
    writeFileSync(json, `${JSON.stringify(facts, null, 2)}\n`)
    const sources: ZipSource[] = [{ name: 'diagnostics.json', path: json }]
    for (let n = LOG_FILES_KEPT - 1; n >= 0 && logDir; n -= 1) {
      const name = n === 0 ? LOG_FILE : `${LOG_FILE}.${n}`
      if (existsSync(join(logDir, name)))
        sources.push({ name: `logs/${name}`, path: join(logDir, name) })
    }
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise<void>((resolve, reject) => {
      out.on('end', resolve)
      out.on('error', reject)
    })
    await writePackZip(sources, out, new Date(facts.generatedAt))
    await ended
    return Buffer.concat(chunks)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
