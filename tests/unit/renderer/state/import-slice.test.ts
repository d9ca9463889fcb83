/**
 * import-slice with a ZIP: the app's store over real services (real DuckDB, real
 * files) — an archive entry refused for overlapping earlier imports keeps its
 * archive's token, and resolving it updates that entry, not another one.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { createAppStore } from '../../../../renderer/src/state/store'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { parseCsv } from '../../../helpers/csv-sums'
import { curSample, splitRows, writeCurDelivery } from '../../../helpers/cur-delivery'
import { sample, tempDir } from '../../../helpers/paths'
import { writeZip } from '../../../helpers/zip-writer'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let dir: string
beforeEach(async () => {
  services = (await demoServices()).services
  dir = tempDir()
})
afterEach(() => services.close())

/** The transport the web host gives the page, answered in-process by the same services. */
function transport(): FocalTransport {
  const extras = {
    subscribe: (event: string, listener: (payload: unknown) => void) =>
      services.onEvent((name, payload) => {
        if (name === event) listener(payload)
      }),
    pickAndStageFiles: async (files: File[]) =>
      Promise.all(
        files.map(async (file) => {
          const path = join(tempDir('focal-upload-'), file.name)
          writeFileSync(path, Buffer.from(await file.arrayBuffer()))
          return services.stageFile(path, file.name)
        }),
      ),
  }
  return new Proxy(extras, {
    get: (target, name: string) =>
      name in target
        ? target[name as keyof typeof target]
        : (request: unknown) =>
            (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request),
  }) as unknown as FocalTransport
}

const [HEADER = [], ...ROWS] = parseCsv(
  readFileSync(sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'), 'utf8'),
)
const at = (name: string): number => HEADER.indexOf(name)
const of = (...providers: string[]): string[][] =>
  ROWS.filter((r) => providers.includes(r[at('ProviderName')] ?? ''))
const csv = (rows: string[][]): string => {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n'
}

describe('import slice with a ZIP', () => {
  it('resolves an overlapping entry of an archive by the archive, updating that entry', async () => {
    const store = createAppStore(transport())
    expect((await services['workspace:create']({ name: 'zips' })).name).toBe('zips')
    await store.getState().importFiles([new File([csv(of('AWS', 'Microsoft'))], 'a.csv')])
    expect(store.getState().importOutcomes.map((o) => o.record?.status)).toEqual(['imported'])

    // b.csv restates Microsoft's rows (one changed) and adds Oracle's: a partial overlap.
    const restated = of('Microsoft').map((r, i) =>
      i === 0 ? r.map((v, c) => (c === at('BilledCost') ? '3.5' : v)) : r,
    )
    const zip = join(dir, 'pack.zip')
    writeZip(zip, [
      {
        name: 'gcp.csv',
        data: readFileSync(
          sample('focus-data-toolkit-golden/gcp_1_3_cost_and_usage_rows100_seed42.csv'),
        ),
      },
      { name: 'b.csv', data: Buffer.from(csv([...restated, ...of('Oracle')])) },
      { name: 'docs/README.txt', data: Buffer.from('September exports\n') },
    ])
    await store.getState().importFiles([new File([new Uint8Array(readFileSync(zip))], 'pack.zip')])
    const outcomes = store.getState().importOutcomes
    expect(outcomes.map((o) => [o.fileName, o.record?.status, o.error?.code ?? null])).toEqual([
      ['pack.zip/gcp.csv', 'imported', null],
      ['pack.zip/b.csv', 'failed', 'OVERLAP'],
    ])
    expect(outcomes[1]?.token).toBeDefined()
    expect(store.getState().importSkipped).toEqual([
      {
        fileName: 'pack.zip/docs/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
    ])

    await store.getState().resolveOverlap(1, 'keep-both')
    expect(store.getState().importOutcomes.map((o) => [o.fileName, o.record?.status])).toEqual([
      ['pack.zip/gcp.csv', 'imported'],
      ['pack.zip/b.csv', 'imported'],
    ])
    expect(store.getState().importSkipped.map((entry) => entry.fileName)).toEqual([
      'pack.zip/docs/README.txt',
    ])
  })
})

describe('import slice with an Azure file its rows do not tell', () => {
  it('asks which cost export it is, and imports it again as the one the user names', async () => {
    const store = createAppStore(transport())
    await services['workspace:create']({ name: 'azure' })
    const amortized = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')
    await store.getState().importFiles([new File([readFileSync(amortized)], 'amortized.csv')])
    expect(store.getState().importOutcomes[0]?.record?.costView?.view).toBe('amortized')
    // The actual export's on-demand rows only: no commitment row says which export it is.
    const lines = readFileSync(sample('finops-toolkit-samples/EA_ActualCost_Small.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line !== '' && !line.includes('Purchase'))
    await store.getState().importFiles([new File([lines.join('\n')], 'actual.csv')])
    const [refused] = store.getState().importOutcomes
    expect(refused?.error?.code).toBe('AZURE_COST_VIEW')
    expect(refused?.token).toBeDefined()

    await store.getState().resolveCostView(0, 'actual')
    const [told] = store.getState().importOutcomes
    expect(told?.record).toMatchObject({
      status: 'imported',
      costView: { view: 'actual', chosenBy: 'user', mergedWith: [1], rowsNotCounted: 10 },
    })
  })
})

describe('import slice with an AWS CUR delivery missing a part', () => {
  it('shows the refusal on the manifest, and imports the parts there, marked incomplete, when the user says so', async () => {
    const store = createAppStore(transport())
    await services['workspace:create']({ name: 'cur' })
    const root = tempDir()
    const { rows } = curSample()
    const written = writeCurDelivery(root, 'assembly-a', splitRows(rows.slice(0, 60), 3), {
      skip: [2],
    })
    const inner = 'cur/20231101-20231201/assembly-a'
    const zip = join(dir, 'cur.zip')
    writeZip(zip, [
      { name: `${inner}/cur-Manifest.json`, data: readFileSync(written.manifest) },
      ...written.parts
        .slice(0, 2)
        .map((p) => ({ name: `${inner}/${p.name}`, data: readFileSync(p.path) })),
    ])
    await store.getState().importFiles([new File([readFileSync(zip)], 'cur.zip')])
    const [refused] = store.getState().importOutcomes
    expect(refused?.fileName).toBe(`cur.zip/${inner}/cur-Manifest.json`)
    expect(refused?.error?.code).toBe('INCOMPLETE_DELIVERY')
    expect(refused?.token).toBeDefined()

    await store.getState().resolveIncomplete(0)
    expect(
      store
        .getState()
        .importOutcomes.map((o) => [
          o.fileName,
          o.record?.status,
          o.record?.delivery?.part,
          o.record?.delivery?.incomplete,
        ]),
    ).toEqual([
      [`cur.zip/${inner}/cur-00001.csv.gz`, 'imported', 1, true],
      [`cur.zip/${inner}/cur-00002.csv.gz`, 'imported', 2, true],
    ])
  })
})

describe('import slice with a FOCUS file lacking BillingCurrency', () => {
  it('shows the MISSING_COLUMNS refusal, and imports the file with the value the user supplies', async () => {
    const store = createAppStore(transport())
    await services['workspace:create']({ name: 'assume' })
    const file = sample(
      'focus-spec-examples/data/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv',
    )
    await store
      .getState()
      .importFiles([new File([readFileSync(file)], 'commitment_discount_purchase_scenario_1.csv')])
    const [refused] = store.getState().importOutcomes
    expect(refused?.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      details: { missing: ['BillingCurrency'] },
    })
    expect(refused?.token).toBeDefined()

    await store.getState().resolveMissing(0, { BillingCurrency: 'USD' })
    const [told] = store.getState().importOutcomes
    expect(told?.error).toBeNull()
    expect(told?.record).toMatchObject({
      status: 'imported',
      reconciled: true,
      assumed: [{ column: 'BillingCurrency', value: 'USD' }],
      fixes: [{ code: 'VALUE_ASSUMED', rows: 1 }],
    })
    expect(told?.record?.totals.map((t) => [t.currency, t.billedStored])).toEqual([['USD', '8760']])
  })
})
