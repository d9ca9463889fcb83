/** cur-manifest: the legacy CUR and CUR 2.0 (Data Exports) manifest shapes, and the field a bad one lacks. */
import { describe, expect, it } from 'vitest'
import { partBaseName, parseCurManifest } from '../../../electron/core/ingest/cur-manifest'
import { FocalFailure } from '../../../shared/contract'
import { curManifest } from '../../helpers/cur-delivery'

/** The FocalError a bad manifest fails with. */
function refusal(json: unknown) {
  try {
    parseCurManifest(json, 'cur-Manifest.json')
  } catch (cause) {
    if (cause instanceof FocalFailure) return cause.error
    throw cause
  }
  throw new Error('the manifest was taken')
}

describe('parseCurManifest', () => {
  it('reads a legacy CUR manifest: delivery, report, account, period, part keys and category/name columns', () => {
    const json = curManifest(
      '20a1-b2',
      ['cur-00001.csv.gz', 'cur-00002.csv.gz'],
      ['identity/LineItemId', 'resourceTags/user:Cost Center'],
    )
    expect(parseCurManifest(json, 'cur-Manifest.json')).toEqual({
      fileName: 'cur-Manifest.json',
      assemblyId: '20a1-b2',
      reportName: 'cur',
      account: '123456789012',
      billingPeriod: '2023-11-01',
      partKeys: [
        'reports/cur/20231101-20231201/20a1-b2/cur-00001.csv.gz',
        'reports/cur/20231101-20231201/20a1-b2/cur-00002.csv.gz',
      ],
      columns: ['identity/LineItemId', 'resourceTags/user:Cost Center'],
    })
  })

  it('reads a CUR 2.0 (Data Exports) manifest: executionId, dataFiles as S3 URIs, plain column names', () => {
    const json = {
      executionId: 'exec-7',
      exportName: 'daily-cur2',
      exportArn: 'arn:aws:bcm-data-exports:us-east-1:123456789012:export/daily-cur2',
      billingPeriod: { start: '2024-01-01T00:00:00.000Z', end: '2024-02-01T00:00:00.000Z' },
      dataFiles: [
        's3://bucket/cur2/daily-cur2/data/BILLING_PERIOD=2024-01/daily-cur2-00001.snappy.parquet',
      ],
      columns: [{ name: 'line_item_unblended_cost', type: 'double' }],
    }
    const manifest = parseCurManifest(json, 'daily-cur2-Manifest.json')
    expect(manifest).toMatchObject({
      assemblyId: 'exec-7',
      reportName: 'daily-cur2',
      account: null,
      billingPeriod: '2024-01-01',
      columns: ['line_item_unblended_cost'],
    })
    expect(manifest.partKeys.map(partBaseName)).toEqual(['daily-cur2-00001.snappy.parquet'])
  })

  it('names the field a manifest lacks or has wrong (BAD_MANIFEST, with the file)', () => {
    const good = curManifest('a', ['cur-00001.csv.gz'], ['identity/LineItemId'])
    const { assemblyId: _, ...noAssembly } = good
    expect(refusal(noAssembly)).toMatchObject({
      code: 'BAD_MANIFEST',
      message:
        'cur-Manifest.json lacks field assemblyId: Focal cannot check the CUR delivery it describes.',
      location: { file: 'cur-Manifest.json', column: 'assemblyId' },
    })
    expect(refusal({ ...good, reportKeys: [] }).location?.column).toBe('reportKeys')
    expect(
      refusal({ ...good, billingPeriod: { start: 7, end: '20231201T000000.000Z' } }),
    ).toMatchObject({
      location: { column: 'billingPeriod.start' },
    })
    expect(
      refusal({ ...good, billingPeriod: { start: 'November 2023', end: 'x'.repeat(8) } }).message,
    ).toBe(
      'cur-Manifest.json has billingPeriod.start "November 2023", which is not a date: Focal cannot check the CUR delivery it describes.',
    )
    expect(refusal([1, 2]).code).toBe('BAD_MANIFEST')
  })
})
