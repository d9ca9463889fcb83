/** A small real billing file with a unique marker resource id, and the workspace it is imported into. */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FocalFailure } from '../../../shared/contract'
import { importSource } from '../../../electron/core/ingest/import-source'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'

/** 100 rows of AWS FOCUS 1.3. */
export const SOURCE = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv')

/** scrypt at its smallest accepted cost, so the many derivations of these tests stay quick. */
export const FAST_KDF = { log2N: 14, r: 8, p: 1 } as const

/** The passphrase the tests encrypt with. */
export const PASSPHRASE = 'correct horse battery staple'

/**
 * The sample with every row's ResourceId replaced by one `MARKER-<random>`, saved as
 * `<marker>.csv`. One value in the whole column is stored verbatim (DuckDB's dictionary and
 * constant compression), so the search for it in a plain workspace finds it; distinct values
 * would be FSST-compressed and a search could not fail.
 */
export function markedCsv(dir: string): {
  path: string
  marker: string
  billed: Record<string, { sum: string; rows: number }>
} {
  const marker = `MARKER-${randomBytes(8).toString('hex')}`
  const [header = [], ...rows] = parseCsv(readFileSync(SOURCE, 'utf8'))
  const at = header.indexOf('ResourceId')
  const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const lines = [header, ...rows.map((r) => r.map((v, c) => (c === at ? marker : v)))]
  const path = join(dir, `${marker}.csv`)
  writeFileSync(path, lines.map((r) => r.map(cell).join(',')).join('\n') + '\n')
  return { path, marker, billed: csvSums(path, 'BilledCost') }
}

/** A new workspace at `path` holding `csv`, closed again. */
export async function workspaceWith(path: string, csv: string): Promise<void> {
  const ws = await Workspace.open(path, { create: true })
  try {
    const { records } = await importSource(ws, csv)
    if (records[0]?.status !== 'imported') throw new Error(JSON.stringify(records[0]?.error))
  } finally {
    await ws.close()
  }
}

/** The FocalError `promise` was refused with; it failing any other way, or not at all, fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<FocalFailure['error']> {
  try {
    await promise
  } catch (cause) {
    if (cause instanceof FocalFailure) return cause.error
    throw cause
  }
  throw new Error('expected a FocalFailure')
}

/** Every file under `dir` (recursively) whose bytes hold `marker` in UTF-8 or UTF-16. */
export function filesHolding(dir: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')]
  const found: string[] = []
  const walk = (path: string): void => {
    // Other processes' files in the RAM root may vanish mid-walk; only what is there counts.
    try {
      const stat = statSync(path)
      if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
      else if (stat.isFile() && needles.some((n) => readFileSync(path).includes(n)))
        found.push(path)
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code
      // Another user's file in the RAM root is not ours to read (nor Focal's to write).
      if (code !== 'ENOENT' && code !== 'EACCES') throw cause
    }
  }
  walk(dir)
  return found
}
