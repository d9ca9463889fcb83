/**
 * Writes the synthetic FOCUS 1.2 dataset as Parquet (zstd) and CSV, once per
 * row count: a manifest written last marks a complete pair that later runs reuse.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { GENERATOR_VERSION, SYNTHETIC_COLUMNS, csvSelectList, syntheticSelect } from './synthetic'

/** The generated files of one row count. */
export interface Dataset {
  rows: number
  columns: number
  csv: string
  parquet: string
  reused: boolean
  generateMs: number | null
}

interface Manifest {
  generatorVersion: number
  rows: number
  csvBytes: number
  parquetBytes: number
}

/** Returns the dataset of `rows` rows in `dir`, generating it unless a complete one is there. */
export async function ensureDataset(
  dir: string,
  rows: number,
  log: (message: string) => void,
  // A Parquet-only run (10M rows) need not write the 7.5 GB CSV.
  withCsv = true,
): Promise<Dataset> {
  mkdirSync(dir, { recursive: true })
  const base = join(dir, `focus-1.2-${rows}`)
  const files = { csv: `${base}.csv`, parquet: `${base}.parquet`, manifest: `${base}.json` }
  const dataset = {
    rows,
    columns: SYNTHETIC_COLUMNS.length,
    csv: files.csv,
    parquet: files.parquet,
  }
  if (isComplete(files, rows, withCsv)) {
    log(
      `reusing ${files.parquet} and ${files.csv} (same row count, generator v${GENERATOR_VERSION})`,
    )
    return { ...dataset, reused: true, generateMs: null }
  }
  rmSync(files.manifest, { force: true })
  log(`generating ${rows} rows → ${files.parquet}, ${files.csv}`)
  const started = performance.now()
  const instance = await DuckDBInstance.create(':memory:')
  try {
    const connection = await instance.connect()
    // Rows keep range() order (preserve_insertion_order is on by default), so both files match row for row.
    await connection.run(
      `COPY (${syntheticSelect(rows)}) TO '${files.parquet}.part' (FORMAT parquet, COMPRESSION zstd)`,
    )
    if (withCsv)
      await connection.run(
        `COPY (SELECT ${csvSelectList()} FROM read_parquet('${files.parquet}.part')) TO '${files.csv}.part' (FORMAT csv, HEADER true, DELIMITER ',')`,
      )
    connection.closeSync()
  } finally {
    instance.closeSync()
  }
  renameSync(`${files.parquet}.part`, files.parquet)
  if (withCsv) renameSync(`${files.csv}.part`, files.csv)
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    rows,
    csvBytes: withCsv ? statSync(files.csv).size : 0,
    parquetBytes: statSync(files.parquet).size,
  }
  writeFileSync(files.manifest, JSON.stringify(manifest, null, 2))
  return { ...dataset, reused: false, generateMs: performance.now() - started }
}

function isComplete(
  files: { csv: string; parquet: string; manifest: string },
  rows: number,
  withCsv: boolean,
): boolean {
  if (
    !existsSync(files.manifest) ||
    (withCsv && !existsSync(files.csv)) ||
    !existsSync(files.parquet)
  )
    return false
  const manifest = JSON.parse(readFileSync(files.manifest, 'utf8')) as Manifest
  return (
    manifest.generatorVersion === GENERATOR_VERSION &&
    manifest.rows === rows &&
    (!withCsv || manifest.csvBytes === statSync(files.csv).size) &&
    manifest.parquetBytes === statSync(files.parquet).size
  )
}
