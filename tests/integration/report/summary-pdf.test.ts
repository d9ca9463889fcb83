/**
 * core/report/pdf/summary-pdf headline figures on a month above ten thousand
 * dollars with an exact total of many decimals (four synthetic FOCUS 1.3
 * files of May 2026): every amount in the figure boxes is printed in full,
 * at a smaller size or wrapped when it must, never cut with an ellipsis.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { formatAmount, formatExact, roundDecimal } from '../../../shared/report'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { firstPagePng, flat } from './support'

const PERIOD = '2026-05'
const FILES = [
  'aws_1_3_cost_and_usage_rows100_seed42.csv',
  'azure_1_3_cost_and_usage_rows100_seed42.csv',
  'gcp_1_3_cost_and_usage_rows100_seed42.csv',
  'azure_1_2_cost_and_usage_rows100_seed42.csv',
].map((f) => sample(`focus-data-toolkit-golden/${f}`))

let ws: Workspace
let out: string
let pack: PackResult

beforeAll(async () => {
  ws = await freshWorkspace('headline')
  for (const file of FILES) expect((await importFile(ws, file)).status).toBe('imported')
  out = tempDir('focal-headline-')
  pack = await writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir: out,
    formats: ['pdf'],
  })
}, 120_000)
afterAll(() => ws?.close())

describe('summary PDF headline', () => {
  // The month's invoice total, summed from the four files in plain TypeScript.
  const total = sumDecimals(
    FILES.map((f) => csvSums(f, 'BilledCost', 'BillingCurrency').USD?.sum ?? '0'),
  )
  const firstPage = (layout: boolean): string[] =>
    execFileSync(
      'pdftotext',
      [
        ...(layout ? ['-layout'] : []),
        ...['-f', '1', '-l', '1', '-enc', 'UTF-8'],
        join(out, `chargeback-${PERIOD}-summary.pdf`),
        '-',
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')

  it('prints the total and its exact amount in full, with no figure cut short', () => {
    expect(pack.model.totals[0]?.exact).toBe(total)
    expect(Number(total)).toBeGreaterThan(10_000)
    // The boxes' labels on one line, their figures on the next, the lines under them after that.
    const lines = firstPage(true)
    const at = lines.findIndex((l) => l.startsWith('Total charged'))
    expect(at).toBeGreaterThan(0)
    expect(lines[at + 1]).toMatch(
      new RegExp(`^${flat(formatAmount(roundDecimal(total, 2), 'USD'))} `),
    )
    expect(lines[at + 2]).toMatch(new RegExp(`^${flat(`exact ${formatExact(total, 'USD')}`)} `))
    const text = firstPage(false).join(' ')
    // An ellipsis next to a digit is an amount someone cannot read.
    expect(text).not.toMatch(/[\d.,]…|…[\d.,]/)
    firstPagePng(join(out, `chargeback-${PERIOD}-summary.pdf`), 'summary-headline-large-total')
  })
})
