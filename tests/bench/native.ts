/**
 * `--only native`: normalization of provider exports at scale (issue 8,
 * Benchmark). A 1M-row AWS CUR legacy CSV and Azure EA amortized CSV are made
 * by repeating the data rows of the real public samples in ../shared/data
 * (the way the issue measured the FOCUS 1.0 sample), once per row count; then,
 * as for FOCUS files, plain DuckDB loading each file is timed against Focal's
 * import of it in the same run. Target: at most 2× plain DuckDB.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs'
import { once } from 'node:events'
import { dirname, join, resolve } from 'node:path'
import { parseCsv } from '../../shared/csv'
import { focalImport, plainLoad, type LoadResult } from './loads'
import { profileImport, type ImportProfile } from './profile-import'
import { round } from './stats'

/** Normalization time as a multiple of plain DuckDB reading the same file (issue 8). */
export const NATIVE_RATIO_TARGET = 2

/** The provider exports measured, each from a real sample under ../shared/data. */
const NATIVE_FILES = [
  {
    name: 'aws-cur-legacy',
    sample: 'focus-converters-samples/sample-anonymous-aws-export-dataset.csv',
  },
  { name: 'azure-ea-amortized', sample: 'finops-toolkit-samples/EA_AmortizedCost_Small.csv' },
] as const

/** One provider export: plain load vs Focal import. */
export interface NativeLoad {
  sample: string
  file: string
  plain: LoadResult
  focal: LoadResult
  ratio: number
  cpuRatio: number
  /** With `--profile`: one more Focal import, its time per SQL step (profile-import.ts). */
  profile?: ImportProfile
}

/** The public samples folder beside the project (the bench runs from the project root). */
function samplesDir(): string {
  return resolve(process.env.FOCAL_SAMPLES ?? '../shared/data')
}

/**
 * Writes `<name>-<rows>.csv` in `dir` (unless there): the sample's header, then its data
 * rows repeated in order until `rows` rows. Written to a .part file and renamed when whole.
 */
async function ensureRepeated(
  dir: string,
  name: string,
  sample: string,
  rows: number,
  log: (message: string) => void,
): Promise<string> {
  const file = join(dir, `${name}-${rows}.csv`)
  if (existsSync(file)) return file
  const text = readFileSync(join(samplesDir(), sample), 'utf8').replace(/^\ufeff/, '')
  const lines = text.split(/\r?\n/).filter((line) => line !== '')
  // Repeating lines repeats records only when no quoted value spans lines.
  if (parseCsv(text).length !== lines.length)
    throw new Error(`${sample}: a quoted value spans lines; cannot repeat its rows`)
  const [header = '', ...data] = lines
  log(`generating ${rows} rows of ${name} from ${sample} (${data.length} rows repeated)`)
  const part = `${file}.part`
  // A fresh clone has no bench data folder yet when this part runs first (--only native).
  mkdirSync(dirname(part), { recursive: true })
  const out = createWriteStream(part)
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  await write(`${header}\n`)
  const block = `${data.join('\n')}\n`
  let written = 0
  while (written + data.length <= rows) {
    await write(block)
    written += data.length
  }
  if (written < rows) await write(`${data.slice(0, rows - written).join('\n')}\n`)
  out.end()
  await once(out, 'finish')
  renameSync(part, file)
  return file
}

/** Reads a file once so both loads start from the same (warm) page cache. */
async function warmCache(file: string): Promise<void> {
  for await (const _chunk of createReadStream(file, { highWaterMark: 8 << 20 })) {
    // reading is the point
  }
}

/** Measures plain DuckDB vs Focal on each provider export of `rows` rows (`profile`: and where Focal's time goes). */
export async function measureNative(
  dataDir: string,
  work: string,
  rows: number,
  log: (message: string) => void,
  profile = false,
): Promise<Record<string, NativeLoad>> {
  const loads: Record<string, NativeLoad> = {}
  for (const { name, sample } of NATIVE_FILES) {
    const file = await ensureRepeated(dataDir, name, sample, rows, log)
    await warmCache(file)
    log(`(a) plain DuckDB: CREATE TABLE AS read_csv of ${name}`)
    const plain = await plainLoad(file, 'csv', join(work, `plain-${name}.duckdb`), rows)
    globalThis.gc?.()
    log(`    ${plain.totalMs} ms; (b) focal import`)
    const focal = await focalImport(file, join(work, `focal-${name}.focal`), rows)
    globalThis.gc?.()
    const ratio = round(focal.totalMs / plain.totalMs, 2)
    const cpuRatio = round(focal.cpuMs / plain.cpuMs, 2)
    log(`    ${focal.totalMs} ms; ratio ${ratio} (CPU time ratio ${cpuRatio})`)
    const load: NativeLoad = { sample, file, plain, focal, ratio, cpuRatio }
    loads[name] = load
    if (!profile) continue
    log(`    profiling the ${name} import step by step`)
    load.profile = await profileImport(file, join(work, `profile-${name}.focal`))
    globalThis.gc?.()
  }
  return loads
}
