/**
 * Bad input gets a clear error and loses nothing: each case names the file
 * (and row/column where it applies), says what to do, leaves the cost data
 * exactly as before, and appears in the import log with its error.
 */
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName\n'
const GOOD_ROW = '1.25,1.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Compute Engine\n'

let ws: Workspace
let dir: string
let before: Awaited<ReturnType<typeof storedTotals>>

beforeEach(async () => {
  ws = await freshWorkspace()
  dir = tempDir()
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  before = await storedTotals(ws)
})
afterEach(() => ws.close())

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Imports `path`, expects it refused with `code`, and checks nothing changed but the log. */
async function expectRefused(path: string, code: string) {
  const record = await importFile(ws, path)
  expect(record.status).not.toBe('imported')
  expect(record.error?.code).toBe(code)
  expect(record.rowCount).toBe(0)
  expect(await storedTotals(ws)).toEqual(before)
  const log = await listImports(ws)
  expect(log[0]).toMatchObject({ id: record.id, status: record.status, error: { code } })
  return record
}

describe('bad input', () => {
  it('a 0-byte file', async () => {
    const record = await expectRefused(file('empty.csv', ''), 'EMPTY_FILE')
    expect(record.error?.message).toBe('empty.csv is empty (0 bytes).')
  })

  it('a header with no rows: nothing to import', async () => {
    const record = await expectRefused(file('header-only.csv', HEADER), 'NO_ROWS')
    expect(record.error?.message).toBe(
      'header-only.csv has a header but no rows: there is nothing to import.',
    )
  })

  it('a file that is neither CSV nor Parquet', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ])
    const record = await expectRefused(file('chart.csv', png), 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe('chart.csv is neither CSV nor Parquet.')
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a damaged Parquet file', async () => {
    const record = await expectRefused(
      file('broken.parquet', 'PAR1 this is not really parquet'),
      'UNSUPPORTED_FORMAT',
    )
    expect(record.error?.message).toMatch(/^broken\.parquet is not a readable Parquet file/)
  })

  it('a CSV of no known format names the closest formats and what each lacks', async () => {
    // An AWS CUR cut short of its payer column: never told it "lacks required FOCUS columns".
    const path = file(
      'cur-without-payer.csv',
      'identity/LineItemId,lineItem/LineItemType,lineItem/UnblendedCost,lineItem/CurrencyCode\nid-1,Usage,1.5,USD\n',
    )
    const record = await expectRefused(path, 'MISSING_COLUMNS')
    expect(record.error?.message).toMatch(
      /^cur-without-payer\.csv is not a billing export Focal recognizes\. Closest: AWS Cost and Usage Report \(legacy CSV\) \(lacks bill\/PayerAccountId\); /,
    )
    expect(record.error?.message).toContain(
      'FOCUS Cost and Usage (lacks BilledCost, EffectiveCost, ChargeCategory, ChargePeriodStart, BillingCurrency)',
    )
  })

  it('cost values that do not parse ($10,000.00 on a EUR row) name file, row and column', async () => {
    // The FOCUS SaaS example with its currency made EUR: its dollar amounts are no longer read.
    const path = join(tempDir(), 'simple_saas_agreements_a1.csv')
    writeFileSync(
      path,
      readFileSync(
        sample(
          'focus-spec-examples/data/saas_examples/simple_agreements/simple_saas_agreements_a1.csv',
        ),
        'utf8',
      ).replace(',USD,', ',EUR,'),
    )
    const record = await expectRefused(path, 'BAD_VALUE')
    expect(record.error?.location).toEqual({
      file: 'simple_saas_agreements_a1.csv',
      row: 1,
      column: 'BilledCost',
      value: '$10,000.00 ',
    })
    expect(record.error?.message).toMatch(
      /^simple_saas_agreements_a1\.csv, row 1, column BilledCost: "\$10,000\.00 " is not a number\./,
    )
    expect(record.error?.hint).toMatch(/plain numbers such as 10000\.00/)
  })

  it('a date that does not parse', async () => {
    const record = await expectRefused(
      file('dates.csv', HEADER + GOOD_ROW + '2,2,USD,31/09/2024,2024-10-01,S3\n'),
      'BAD_VALUE',
    )
    expect(record.error?.location).toEqual({
      file: 'dates.csv',
      row: 2,
      column: 'ChargePeriodStart',
      value: '31/09/2024',
    })
  })

  it('a row with too few fields', async () => {
    const record = await expectRefused(
      file('short.csv', HEADER + GOOD_ROW + GOOD_ROW + '1,1,USD,2024-09-01\n'),
      'BAD_ROW_SHAPE',
    )
    expect(record.error?.message).toBe('short.csv, line 4: too few fields (4, the header has 6).')
  })

  it('a row with too many fields', async () => {
    const record = await expectRefused(
      file('long.csv', HEADER + GOOD_ROW.replace('\n', ',extra\n')),
      'BAD_ROW_SHAPE',
    )
    expect(record.error?.message).toBe('long.csv, line 2: too many fields (7, the header has 6).')
  })

  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(HEADER + GOOD_ROW),
      Buffer.from('1,1,USD,2024-09-01,2024-09-02,Caf'),
      Buffer.from([0xe9, 0x0a]),
    ])
    const record = await expectRefused(file('latin1.csv', bytes), 'INVALID_UTF8')
    expect(record.error?.message).toBe('latin1.csv, line 3: the bytes are not valid UTF-8.')
  })

  it('a file that changes while it is being read', async () => {
    const path = file('growing.csv', HEADER + GOOD_ROW)
    const record = await importFile(ws, path, {
      afterRead: async () => appendFileSync(path, GOOD_ROW),
    })
    expect(record.error?.code).toBe('FILE_CHANGED')
    expect(record.error?.message).toMatch(/^growing\.csv changed while Focal was reading it/)
    expect(await storedTotals(ws)).toEqual(before)
  })

  it('the same file twice is recognized by SHA-256 and adds nothing', async () => {
    const copy = join(dir, 'renamed-copy.csv')
    copyFileSync(SAMPLE, copy)
    const record = await expectRefused(copy, 'DUPLICATE_FILE')
    expect(record.status).toBe('duplicate')
    expect(record.error?.message).toMatch(
      /^renamed-copy\.csv is already imported \(same SHA-256 as import #1, focus_sample\.csv\)/,
    )
  })

  it('a cancelled import stores nothing', async () => {
    const controller = new AbortController()
    controller.abort()
    const record = await importFile(ws, file('ok.csv', HEADER + GOOD_ROW), {
      signal: controller.signal,
    })
    expect(record.status).toBe('cancelled')
    expect(await storedTotals(ws)).toEqual(before)
  })

  it('a reconciliation mismatch fails the import, stores nothing and logs the difference', async () => {
    const path = file('tampered.csv', HEADER + GOOD_ROW + GOOD_ROW)
    const record = await importFile(ws, path, {
      // Simulates a normalization defect: one stored value drifts by a cent inside the transaction.
      beforeReconcile: async (id) =>
        ws.run(
          'UPDATE cost_rows SET BilledCost = BilledCost + 0.01 WHERE x_ImportId = $1 AND x_SourceRow = 1',
          [id],
        ),
    })
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toBe(
      'tampered.csv: totals after import differ from the file (USD BilledCost file 2.5 vs stored 2.51 (difference 0.01)); nothing was stored.',
    )
    expect(await storedTotals(ws)).toEqual(before)
    expect((await listImports(ws))[0]?.error?.details?.totals).toBeDefined()
  })
})
