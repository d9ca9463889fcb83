/**
 * The FOCUS split-cost-allocation worked examples (focus-data-toolkit golden
 * scenarios) as split cases: x_SplitOriginCost split into BilledCost parts at
 * 6 decimals. The files state each part's AllocatedRatio at 6 decimals (with
 * their own rounding unit on the last ratio: 0.333333, 0.333333, 0.333334);
 * the exact weights are recovered as the smallest whole numbers that
 * reproduce every stated ratio to within that unit (1:1:1, 3:2:1, 2:3),
 * because splitting by the rounded ratios would not give the stated parts.
 */
import { readFileSync } from 'node:fs'
import { parseCsv } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'

/** One worked example: the whole, and per target its weight and expected part. */
export interface GoldenSplit {
  readonly file: string
  readonly origin: string
  readonly whole: string
  readonly parts: ReadonlyArray<{ target: string; ratio: string; weight: string; expected: string }>
}

/** The three scenario files, one case per origin. */
export const GOLDEN_FILES = [
  'focus-data-toolkit-golden/scenarios_sca_equal.csv',
  'focus-data-toolkit-golden/scenarios_sca_weighted.csv',
  'focus-data-toolkit-golden/scenarios_sca_negative.csv',
] as const

/** Reads every golden split case. */
export function goldenSplits(): GoldenSplit[] {
  return GOLDEN_FILES.flatMap((file) => {
    const [header = [], ...rows] = parseCsv(readFileSync(sample(file), 'utf8'))
    const col = (name: string): number => header.indexOf(name)
    const origins = new Map<string, string[][]>()
    for (const row of rows) {
      const id = row[col('x_SplitOriginId')] ?? ''
      origins.set(id, [...(origins.get(id) ?? []), row])
    }
    return [...origins].map(([origin, group]) => {
      const ratios = group.map((r) => {
        const details = JSON.parse(r[col('AllocatedMethodDetails')] ?? '{}')
        return String(details.Elements[0].AllocatedRatio)
      })
      const weights = recoverWeights(ratios.map(Number))
      return {
        file,
        origin,
        whole: group[0]?.[col('x_SplitOriginCost')] ?? '0',
        parts: group.map((r, i) => ({
          target: r[col('AllocatedResourceId')] ?? '',
          ratio: ratios[i] ?? '',
          weight: String(weights[i]),
          expected: r[col('BilledCost')] ?? '',
        })),
      }
    })
  })
}

// Smallest denominator d ≤ 1000 whose whole-number weights reproduce every ratio to within 1e-6.
function recoverWeights(ratios: readonly number[]): number[] {
  for (let d = 1; d <= 1000; d++) {
    const weights = ratios.map((r) => Math.round(r * d))
    const sum = weights.reduce((s, w) => s + w, 0)
    if (sum > 0 && weights.every((w, i) => Math.abs(w / sum - (ratios[i] ?? 0)) <= 1e-6))
      return weights
  }
  throw new Error(`no small weights for ratios ${ratios.join(', ')}`)
}
