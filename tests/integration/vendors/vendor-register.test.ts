/**
 * The vendor register (electron/core/vendors/vendor-register.ts) on two public samples: the
 * FOCUS 1.0 sample and the hand-made multi-provider, multi-currency FOCUS 1.3 file. Expected
 * vendors and costs per role, billing period and currency are summed here from the CSV text
 * (an independent parser, bigint sums); each figure's rows (rows:page) sum to it. Vendors
 * entered by hand are saved, matched to the data by name, audited, and deleted.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import {
  deleteVendor,
  saveVendor,
  vendorRegister,
} from '../../../electron/core/vendors/vendor-register'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { EMPTY_VENDOR, type VendorRegister } from '../../../shared/contract/vendors'
import { sumDecimals } from '../../../shared/money'
import { vendorRowsRequest } from '../../../shared/vendors/rows-request'
import { parseCsv } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

/** The costs the register must list, summed from the files' text by role, month and currency. */
function expectedCosts(files: readonly string[]): VendorRegister['costs'] {
  const groups = new Map<string, { billed: string[]; effective: string[] }>()
  for (const file of files) {
    const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'))
    const at = (name: string): number => header.indexOf(name)
    // FOCUS 1.0 names the service provider ProviderName (renamed ServiceProviderName in 1.3).
    const provider = at('ServiceProviderName') >= 0 ? 'ServiceProviderName' : 'ProviderName'
    for (const row of rows)
      for (const [role, column] of [
        ['provider', provider],
        ['publisher', 'PublisherName'],
        ['invoiceIssuer', 'InvoiceIssuerName'],
      ] as const) {
        const name = row[at(column)] ?? ''
        if (name === '' || name === 'NULL') continue
        const key = JSON.stringify([
          name,
          role,
          (row[at('BillingPeriodStart')] ?? '').slice(0, 7),
          row[at('BillingCurrency')],
        ])
        const group = groups.get(key) ?? { billed: [], effective: [] }
        group.billed.push(row[at('BilledCost')] ?? '0')
        group.effective.push(row[at('EffectiveCost')] ?? '0')
        groups.set(key, group)
      }
  }
  return [...groups]
    .map(([key, g]) => {
      const [name, role, period, currency] = JSON.parse(key) as [string, never, string, string]
      return {
        name,
        role,
        period,
        currency,
        rows: g.billed.length,
        billedCost: sumDecimals(g.billed),
        effectiveCost: sumDecimals(g.effective),
      }
    })
    .sort((a, b) =>
      a.name !== b.name
        ? a.name < b.name
          ? -1
          : 1
        : `${a.role}|${a.period}|${a.currency}` < `${b.role}|${b.period}|${b.currency}`
          ? -1
          : 1,
    )
}

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('vendors')
  for (const file of [FOCUS_10, MULTI]) expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

describe('vendorRegister', () => {
  it('lists the data vendors with their cost per role, billing period and currency', async () => {
    const register = await vendorRegister(ws, '2026-06-01')
    expect(register.costs).toEqual(expectedCosts([FOCUS_10, MULTI]))
    // The marketplace row: Datadog provides, AWS publishes, Reseller X invoices, in USD.
    expect(register.costs.filter((c) => c.name === 'Datadog' || c.name === 'Reseller X')).toEqual([
      {
        name: 'Datadog',
        role: 'provider',
        period: '2026-05',
        currency: 'USD',
        rows: 1,
        billedCost: '100',
        effectiveCost: '100',
      },
      {
        name: 'Reseller X',
        role: 'invoiceIssuer',
        period: '2026-05',
        currency: 'USD',
        rows: 1,
        billedCost: '100',
        effectiveCost: '100',
      },
    ])
  })

  it('each cost figure opens exactly its rows', async () => {
    const register = await vendorRegister(ws, '2026-06-01')
    const figures = register.costs.filter((c) => c.rows <= 500)
    expect(figures.length).toBeGreaterThan(10)
    for (const cost of figures) {
      const page = await rowsPage(ws, vendorRowsRequest(cost, 500))
      expect(page.total, JSON.stringify(cost)).toBe(cost.rows)
      const at = page.columns.indexOf('BilledCost')
      expect(sumDecimals(page.rows.map((r) => r[at] ?? '0'))).toBe(cost.billedCost)
    }
  })

  it('saves vendors entered by hand, matches them to the data by name, audits and deletes them', async () => {
    const datadog = await saveVendor(ws, {
      ...EMPTY_VENDOR,
      name: 'datadog',
      category: 'Observability',
      owner: 'Platform team',
      contractStart: '2025-07-01',
      contractEnd: '2026-06-30',
      renewalDate: '2026-07-01',
      noticeDays: 60,
      dataHeld: 'Metrics and logs, no customer data',
      exitPlan: 'Move dashboards to Grafana',
      annualValue: '48000.00',
      currency: 'USD',
    })
    expect(datadog).toMatchObject({ id: 1, dataName: 'Datadog', annualValue: '48000' })
    const grafana = await saveVendor(ws, {
      ...EMPTY_VENDOR,
      name: 'Grafana Cloud',
      category: ' observability ',
    })
    expect(grafana).toMatchObject({ id: 2, dataName: null, category: 'observability' })
    const renamed = await saveVendor(
      ws,
      { ...EMPTY_VENDOR, name: 'Grafana Labs', category: 'observability' },
      2,
    )
    expect(renamed.name).toBe('Grafana Labs')

    const register = await vendorRegister(ws, '2026-05-15')
    expect(register.entries.map((e) => e.name)).toEqual(['datadog', 'Grafana Labs'])
    expect(register.overlaps).toEqual([
      { category: 'Observability', vendors: ['datadog', 'Grafana Labs'] },
    ])
    expect(register.renewals).toEqual([
      {
        id: 1,
        name: 'datadog',
        renewalDate: '2026-07-01',
        noticeDeadline: '2026-05-02',
        daysToRenewal: 47,
        noticePassed: true,
      },
    ])

    expect(await deleteVendor(ws, 2)).toEqual({ deleted: true, name: 'Grafana Labs' })
    expect((await vendorRegister(ws, '2026-05-15')).overlaps).toEqual([])
    const audit = await ws.all(
      "SELECT action, subject FROM audit_log WHERE action LIKE 'vendor.%' ORDER BY seq",
    )
    expect(audit.map((r) => `${String(r.action)} ${String(r.subject)}`)).toEqual([
      'vendor.save datadog',
      'vendor.save Grafana Cloud',
      'vendor.save Grafana Labs',
      'vendor.delete Grafana Labs',
    ])
  })

  it('refuses a value without its currency and a contract ending before it starts, saving nothing', async () => {
    const before = (await vendorRegister(ws)).entries.length
    for (const [input, message] of [
      [
        { ...EMPTY_VENDOR, name: 'Slack', annualValue: '9000' },
        'Vendor Slack: an annual value needs its currency, and the reverse.',
      ],
      [
        { ...EMPTY_VENDOR, name: 'Slack', contractStart: '2026-02-01', contractEnd: '2026-01-01' },
        'Vendor Slack: the contract ends before it starts.',
      ],
    ] as const) {
      const caught = await saveVendor(ws, input).catch((c: unknown) => c)
      expect(caught).toBeInstanceOf(FocalFailure)
      expect((caught as FocalFailure).error.message).toBe(message)
    }
    expect((await vendorRegister(ws)).entries.length).toBe(before)
    await expect(deleteVendor(ws, 99)).rejects.toThrow('No vendor 99 in the register.')
  })
})
