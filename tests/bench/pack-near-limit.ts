/**
 * The month of issue 10's near-limit pack: a synthetic month (synthetic.ts)
 * whose allocated lines fall just under Excel's 1,048,576 rows per sheet, so
 * the pack's XLSX must hold its whole Detail sheet. With the pack's 30 rules
 * (pack-rules.ts) 109,000 source rows make 1,039,385 lines: 9,190 under the
 * 1,048,575 data rows a sheet holds below its header (the bench reports the
 * count it got and whether the sheet held it). The dataset and its imported
 * workspace are kept like the main ones (generate.ts, kept.ts).
 */
import { resolve } from 'node:path'
import { ensureDataset } from './generate'
import { findKept, keep } from './kept'
import { focalImport, plainLoad } from './loads'

/** Source rows of the near-limit month. */
export const NEAR_LIMIT_ROWS = 109_000

/** The kept workspace of the near-limit month, imported from Parquet once and reused after. */
export async function nearLimitWorkspace(
  benchDir: string,
  work: string,
  log: (message: string) => void,
): Promise<string> {
  const kept = findKept(benchDir, NEAR_LIMIT_ROWS, 'parquet')
  if (kept) {
    log(`reusing the kept near-limit workspace ${kept.focal}`)
    return kept.focal
  }
  const dataset = await ensureDataset(resolve(benchDir, 'data'), NEAR_LIMIT_ROWS, log, false)
  log(`importing the near-limit month (${NEAR_LIMIT_ROWS} rows) once`)
  const focal = resolve(work, 'near-limit.focal')
  const plain = resolve(work, 'near-limit.duckdb')
  await focalImport(dataset.parquet, focal, NEAR_LIMIT_ROWS)
  // kept.ts keeps a pair (the pivots compare against the plain table); the pack reads only the workspace.
  await plainLoad(dataset.parquet, 'parquet', plain, NEAR_LIMIT_ROWS)
  return keep(benchDir, NEAR_LIMIT_ROWS, 'parquet', { focal, plain }).focal
}
