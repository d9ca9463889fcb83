/** Helpers of the Contract Commitment tests: the public samples, their rows, and CSVs written from rows. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

/** The folder of the FOCUS 1.3 golden samples. */
export const GOLDEN = 'focus-data-toolkit-golden'

/** The 1.3 Contract Commitment sample of a provider (aws, azure, gcp). */
export const commitmentFile = (provider: string): string =>
  sample(`${GOLDEN}/${provider}_1_3_contract_commitment_rows100_seed42.csv`)

/** A CSV's header and rows, parsed by the tests' own CSV reader. */
export function rowsOf(path: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return { header, rows }
}

/** Writes a CSV of `header` and `rows` into a temp folder and returns its path. */
export function writeCsv(
  name: string,
  header: readonly string[],
  rows: readonly string[][],
): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const path = join(tempDir(), name)
  writeFileSync(path, [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n')
  return path
}
