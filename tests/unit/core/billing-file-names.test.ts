/** billing-file-names: which files of a folder or a ZIP are imported, and which are skipped. */
import { describe, expect, it } from 'vitest'
import {
  isBillingFileName,
  isManifestFileName,
  isZipFileName,
} from '../../../electron/core/ingest/billing-file-names'

describe('isBillingFileName', () => {
  it.each([
    'aws.csv',
    'AWS.CSV',
    'cur/cur-00001.csv.gz',
    'focus.parquet',
    'billing-000000000000.json',
    'export.jsonl',
    'export.ndjson',
  ])('takes %s', (name) => expect(isBillingFileName(name)).toBe(true))

  it.each([
    'README.txt',
    'cur/cur-Manifest.json',
    'manifest.json',
    'notes.md',
    'archive.zip',
    'data.csv.bak',
    'csv',
  ])('skips %s', (name) => expect(isBillingFileName(name)).toBe(false))
})

describe('isZipFileName', () => {
  it('knows a ZIP by its extension, in any case', () => {
    expect(['a.zip', 'B.ZIP', 'a.zip.csv'].map(isZipFileName)).toEqual([true, true, false])
  })
})

describe('isManifestFileName', () => {
  it('knows an AWS CUR manifest (legacy <report>-Manifest.json, CUR 2.0 Manifest.json), not a billing file', () => {
    expect(
      [
        'cur-Manifest.json',
        'Manifest.json',
        'report-manifest.json',
        'cur-00001.csv.gz',
        'a.json',
      ].map(isManifestFileName),
    ).toEqual([true, true, true, false, false])
  })
})
