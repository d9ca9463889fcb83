/**
 * The report channels of the core services on the demo data: the preview's
 * totals equal the CSV summed in TypeScript (by a column, and by the saved
 * rules), the export job writes the pack with progress and SHA-256s into the
 * host's reports folder, and only the job's own files can be fetched.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { sumDecimals } from '../../../shared/money'
import { roundDecimal } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { demoServices, periodSums, waitForReport } from './support'

let services: FocalServices
let dataDir: string

beforeAll(async () => {
  ;({ services, dataDir } = await demoServices())
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('report services', () => {
  it('refuses the saved-rules source until a version is saved, naming the Allocate screen', async () => {
    await expect(
      services['report:preview']({
        kind: 'chargeback',
        period: '2024-09',
        metric: 'BilledCost',
        source: { rules: 'saved' },
      }),
    ).rejects.toMatchObject({ error: { code: 'NOT_FOUND', hint: /Allocate screen/ } })
  })

  it('previews a showback by SubAccountName whose targets equal the oracle exactly', async () => {
    const oracle = periodSums('EffectiveCost', '2024-09', 'SubAccountName')
    const preview = await services['report:preview']({
      kind: 'showback',
      period: '2024-09',
      metric: 'EffectiveCost',
      source: { by: 'SubAccountName' },
    })
    const shown = Object.fromEntries(
      preview.targets.map((t) => [t.unallocated ? '' : t.target, t.amounts[0]?.exact ?? '0']),
    )
    for (const [account, sum] of Object.entries(oracle)) expect(shown[account], account).toBe(sum)
    expect(preview.reconciliation).toEqual([
      expect.objectContaining({
        currency: 'USD',
        ok: true,
        periodTotal: sumDecimals(Object.values(oracle)),
      }),
    ])
    expect(preview.ruleSet).toBe('No rules: grouped by SubAccountName')
    expect(preview.targets.at(-1)).toMatchObject({ target: 'Unallocated', unallocated: true })
  })

  it('previews a chargeback by the saved rules: charged cents add up to the rounded total', async () => {
    const loaded = await services['allocation:example']({})
    await services['allocation:save']({ ruleSet: loaded.ruleSet as never, note: 'Example' })
    const expected = sumDecimals(
      Object.values(periodSums('BilledCost', '2024-09', 'BillingCurrency')),
    )
    const preview = await services['report:preview']({
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: { rules: 'saved' },
    })
    expect(preview.totals).toEqual([
      expect.objectContaining({
        currency: 'USD',
        exact: expected,
        charged: roundDecimal(expected, 2),
      }),
    ])
    const charged = preview.targets.flatMap((t) => t.amounts.map((a) => a.charged))
    expect(sumDecimals(charged)).toBe(roundDecimal(expected, 2))
    expect(sumDecimals(preview.targets.flatMap((t) => t.amounts.map((a) => a.exact)))).toBe(
      expected,
    )
    expect(preview.reconciliation[0]).toMatchObject({
      ok: true,
      periodTotal: expected,
      sum: expected,
    })
    expect(preview.ruleSet).toMatch(/version 1$/)
    expect(preview.targets.map((t) => t.target)).toContain('Engineering')
    expect(preview.topServices.length).toBeGreaterThan(3)
    expect(preview.pools.map((p) => p.id)).toEqual(expect.arrayContaining(['network', 'clusters']))
  })

  it('exports the pack as a job with progress, into <data>/reports/<workspace>/<kind>-<period>', async () => {
    const { jobId } = await services['report:export']({
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: { rules: 'saved' },
      formats: ['pdf', 'csv'],
    })
    const seen = await waitForReport(services, jobId)
    const job = seen.at(-1)
    expect(job).toMatchObject({ state: 'done', delivery: 'download', error: null })
    expect(job?.done).toBe(job?.total)
    expect(seen.some((j) => j.state === 'running' && j.file !== null)).toBe(true)
    const names = job?.files.map((f) => f.name) ?? []
    expect(names).toContain('chargeback-2024-09-summary.pdf')
    expect(names).toContain('chargeback-2024-09-journal.csv')
    expect(names.some((n) => n.startsWith('cost-centers/') && n.endsWith('.pdf'))).toBe(true)

    const info = await services['workspace:info']({})
    const folder = join(dataDir, 'reports', info?.name ?? '', 'chargeback-2024-09')
    for (const file of job?.files ?? []) {
      const found = services.reportFile(jobId, file.name)
      expect(found.path).toBe(join(folder, ...file.name.split('/')))
      const bytes = readFileSync(found.path)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256)
      expect(bytes.length).toBe(file.sizeBytes)
    }
    const pdf = readFileSync(services.reportFile(jobId, 'chargeback-2024-09-summary.pdf').path)
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  })

  it('keeps the company name in the workspace and prints it on every cover', async () => {
    expect(await services['report:settings']({})).toEqual({
      companyName: null,
      creditAccount: null,
    })
    expect(await services['report:saveSettings']({ companyName: '  Globex Finance  ' })).toEqual({
      companyName: 'Globex Finance',
      creditAccount: null,
    })
    expect(await services['report:settings']({})).toEqual({
      companyName: 'Globex Finance',
      creditAccount: null,
    })
    const { jobId } = await services['report:export']({
      kind: 'showback',
      period: '2024-09',
      metric: 'EffectiveCost',
      source: { by: 'SubAccountName' },
      formats: ['pdf'],
    })
    const job = (await waitForReport(services, jobId)).at(-1)
    expect(job?.state).toBe('done')
    const summary = services.reportFile(jobId, 'showback-2024-09-summary.pdf').path
    expect(execFileSync('pdftotext', [summary, '-'], { encoding: 'utf8' })).toContain(
      'Globex Finance',
    )
    await services['report:saveSettings']({ companyName: '' })
    expect(await services['report:settings']({})).toEqual({
      companyName: null,
      creditAccount: null,
    })
  })

  it('keeps the credit account and the uploaded ledger mapping, and the journal posts by them', async () => {
    // A company-name save leaves the credit account as it was.
    await services['report:saveSettings']({ companyName: null, creditAccount: ' 2100 ' })
    await services['report:saveSettings']({ companyName: 'Globex' })
    expect((await services['report:settings']({})).creditAccount).toBe('2100')
    await expect(
      services['report:saveLedger']({ fileName: 'gl.csv', text: 'target,account\nIT,6100\n' }),
    ).rejects.toMatchObject({
      error: { code: 'MISSING_COLUMNS', message: 'gl.csv has no "ledger_account" column.' },
    })
    const preview = await services['report:preview']({
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: { by: 'SubAccountName' },
    })
    const targets = preview.targets.filter((t) => t.amounts.some((a) => a.lines > 0))
    const text = [
      'target,ledger_account,cost_center_code',
      ...targets.map((t, i) => `"${t.target}",6${String(i).padStart(3, '0')},CC${i}`),
    ].join('\n')
    const saved = await services['report:saveLedger']({ fileName: 'gl.csv', text })
    expect(saved.rows).toHaveLength(targets.length)
    expect(await services['report:ledger']({})).toEqual(saved)
    const { jobId } = await services['report:export']({
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: { by: 'SubAccountName' },
      formats: ['csv'],
    })
    expect((await waitForReport(services, jobId)).at(-1)?.state).toBe('done')
    const csv = readFileSync(
      services.reportFile(jobId, 'chargeback-2024-09-journal.csv').path,
      'utf8',
    )
    const [header = [], ...lines] = parseCsv(csv)
    const col = (name: string): number => header.indexOf(name)
    // Every cost center with a charge is posted under its code; the invoice is credited to 2100.
    expect(lines.filter((l) => l[col('Account')] === '2100')).toHaveLength(1)
    expect(lines.every((l) => /^(2100|6\d{3})$/.test(l[col('Account')] ?? ''))).toBe(true)
    expect(sumDecimals(lines.map((l) => l[col('Debit')] || '0'))).toBe(
      sumDecimals(lines.map((l) => l[col('Credit')] || '0')),
    )
    expect(
      lines
        .filter((l) => l[col('Account')] !== '2100')
        .every((l) => /^CC\d+$/.test(l[col('Cost center')] ?? '')),
    ).toBe(true)
    expect(await services['report:saveLedger']({ clear: true })).toEqual({
      fileName: null,
      rows: [],
    })
    await services['report:saveSettings']({ companyName: null, creditAccount: null })
  })

  it('hands out only the files in the job’s own list', async () => {
    const { jobId } = await services['report:export']({
      kind: 'showback',
      period: '2024-09',
      metric: 'EffectiveCost',
      source: { by: 'tag:business_unit' },
      formats: ['csv'],
    })
    const job = (await waitForReport(services, jobId)).at(-1)
    expect(job?.state).toBe('done')
    const real = job?.files[0]?.name ?? ''
    for (const name of [
      '../../workspaces/x.focal',
      '/etc/passwd',
      `./${real}`,
      `cost-centers/../${real}`,
      `${real}/`,
      'showback-2024-09-summary.pdf', // a pdf this job did not write
    ])
      expect(() => services.reportFile(jobId, name), name).toThrow(/No such file/)
    expect(() => services.reportFile('not-a-job', real)).toThrow(/No such file/)
    expect(services.reportFile(jobId, real).name).toBe(real)
  })

  it('reports a failed export as a failed job with the reason', async () => {
    const { jobId } = await services['report:export']({
      kind: 'chargeback',
      period: '2023-01',
      metric: 'BilledCost',
      source: { by: 'SubAccountName' },
      formats: ['pdf'],
    })
    const job = (await waitForReport(services, jobId)).at(-1)
    expect(job).toMatchObject({ state: 'failed', error: { code: 'NO_ROWS' }, files: [] })
  })
})
