/**
 * A crafted month for "Explain this number": five USD rows of September 2024 (the demo file's
 * columns), rules with a direct rule per cost center and a shared network pool split
 * proportionally, saved as version 1. Web has 30 of direct cost and Api 10, so Web takes
 * exactly 3/4 of each pool row: its figure is worked out here by hand, never by Focal.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { importFile } from '../../../electron/core/ingest/import-file'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSet } from '../../../shared/allocate/parse-rules'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'

/** The demo file, whose header and first row the crafted rows copy. */
const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

/** The crafted rows: account, service, BilledCost (EffectiveCost the same). */
export const CRAFTED: ReadonlyArray<readonly [string, string, string]> = [
  ['Web', 'Amazon EC2', '20.10'],
  ['Web', 'Amazon S3', '9.90'],
  ['Api', 'Amazon EC2', '10.00'],
  ['Shared', 'Shared network', '8.00'],
  ['Shared', 'Shared network', '4.40'],
]

/** Amount in millionths, so the expected figures are integer arithmetic. */
export const micros = (decimal: string): bigint => {
  const [whole = '0', frac = ''] = decimal.replace('-', '').split('.')
  const n = BigInt(whole) * 1_000_000n + BigInt((frac + '000000').slice(0, 6))
  return decimal.startsWith('-') ? -n : n
}

/** The rule set: Web and Api by account; the Shared account into a proportional pool. */
export const RULES = parseRuleSet({
  name: 'Crafted',
  dimensions: [
    {
      id: 'cc',
      label: 'Cost center',
      rules: [
        {
          id: 'direct',
          when: [{ field: 'SubAccountName', op: 'in', values: ['Web', 'Api'] }],
          then: { field: 'SubAccountName' },
        },
        {
          id: 'shared',
          when: [{ field: 'SubAccountName', op: 'equals', value: 'Shared' }],
          then: { pool: 'network' },
        },
      ],
      pools: [{ id: 'network', label: 'Shared network', method: 'proportional' }],
    },
  ],
})

const quote = (c: string): string => `"${c.replaceAll('"', '""')}"`

/** Writes rows as a FOCUS CSV with the demo's columns; returns its path. */
export function craftedCsv(
  name: string,
  rows: ReadonlyArray<readonly [string, string, string]>,
): string {
  const [header = [], first = []] = parseCsv(readFileSync(DEMO, 'utf8')).slice(0, 2)
  const at = (column: string): number => header.indexOf(column)
  const lines = rows.map(([account, service, cost], i) => {
    const cells = [...first]
    cells[at('SubAccountName')] = account
    cells[at('SubAccountId')] = `acct-${account}`
    cells[at('ServiceName')] = service
    cells[at('BilledCost')] = cost
    cells[at('EffectiveCost')] = cost
    cells[at('ListCost')] = cost
    cells[at('ResourceId')] = `res-${i + 1}`
    cells[at('Id')] = `${name}-${i + 1}`
    return cells.map(quote).join(',')
  })
  const path = join(tempDir('focal-explain-'), name)
  writeFileSync(path, [header.map(quote).join(','), ...lines].join('\n') + '\n')
  return path
}

/** SHA-256 of a file, by Node's crypto. */
export const sha256Of = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

/** Imports the crafted month, saves the rules as version 1 and exports the chargeback pack by them. */
export async function craftedPack(ws: Workspace): Promise<{ file: string; out: string }> {
  const file = craftedCsv('crafted-2024-09.csv', CRAFTED)
  const record = await importFile(ws, file)
  if (record.status !== 'imported') throw new Error(`import ${record.status}`)
  await saveRuleVersion(ws, RULES, 'first cut')
  const out = tempDir('focal-explain-pack-')
  await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: allocationLinesSource(),
    outDir: out,
    formats: ['csv'],
  })
  return { file, out }
}
