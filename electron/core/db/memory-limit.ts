/**
 * How much memory DuckDB may hold before it spills to the workspace's temp folder. DuckDB's own
 * default is 80% of the machine, so the 1M-row pack (9.6M allocated lines, their Parquet
 * export) peaked at 8.4 GB: a desktop app beside a browser and a spreadsheet cannot take that.
 * A quarter of the machine, at least 1 GiB (below it a 1M-row month spills nearly every
 * operator and gets slow) and at most 2.5 GiB: the 1M pack then peaks at 3.5 GB with Node's
 * own heap, pdfkit and exceljs on top (npm run bench). At 2 GiB it peaked at 2.8 GB but its
 * Parquet detail's join no longer fit and spilled, which cost half as much CPU again.
 * FOCAL_MEMORY_LIMIT overrides it.
 */
import { totalmem } from 'node:os'
import { fail } from '../../../shared/contract'

const GIB = 1024 ** 3

/** The smallest and largest limit Focal chooses by itself (FOCAL_MEMORY_LIMIT may go beyond). */
export const MEMORY_LIMIT_RANGE = { floor: GIB, cap: 2.5 * GIB } as const

/** A DuckDB size: a number and a unit, as `SET memory_limit` reads it ("1.5GB", "512MiB"). */
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i

/**
 * The memory_limit to set: FOCAL_MEMORY_LIMIT when given (checked, so a typo is a sentence,
 * not a DuckDB parser error), else a quarter of `total` bytes within MEMORY_LIMIT_RANGE, in MiB.
 */
export function duckdbMemoryLimit(
  env: Readonly<Record<string, string | undefined>> = process.env,
  total: number = totalmem(),
): string {
  const override = env.FOCAL_MEMORY_LIMIT
  if (override !== undefined && override.trim() !== '') {
    const match = SIZE.exec(override)
    if (!match || Number(match[1]) <= 0)
      fail('BAD_VALUE', `FOCAL_MEMORY_LIMIT is "${override}", which is not a size.`, {
        hint: 'Give a number and a unit, e.g. FOCAL_MEMORY_LIMIT=2GB or 512MiB, or unset it to let Focal choose.',
      })
    return `${match[1]}${match[2]}`
  }
  const bytes = Math.min(Math.max(total / 4, MEMORY_LIMIT_RANGE.floor), MEMORY_LIMIT_RANGE.cap)
  return `${Math.floor(bytes / 1024 ** 2)}MiB`
}
