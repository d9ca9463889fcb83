/**
 * AWS CUR deliveries for tests: the real legacy CUR sample split into gzipped
 * parts with a manifest in AWS's documented shape (assemblyId, reportName,
 * account, billingPeriod, reportKeys, columns {category, name}), laid out as
 * AWS writes them: `<report>/<period>/<assemblyId>/<report>-<n>.csv.gz`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseCsv } from './csv-sums'
import { sample } from './paths'

/** The focus_converters AWS CUR legacy sample (1,281 rows, USD). */
export const CUR_SAMPLE = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')

/** The sample's header and rows. */
export function curSample(): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(readFileSync(CUR_SAMPLE, 'utf8').replace(/^\ufeff/, ''))
  return { header, rows }
}

/** Rows as CSV text (RFC 4180 quoting). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n'
}

/** `rows` split into `n` consecutive parts of (nearly) equal size. */
export function splitRows<T>(rows: readonly T[], n: number): T[][] {
  const size = Math.ceil(rows.length / n)
  return Array.from({ length: n }, (_, i) => rows.slice(i * size, (i + 1) * size))
}

/** A legacy CUR manifest naming `partNames` of delivery `assemblyId`. */
export function curManifest(
  assemblyId: string,
  partNames: readonly string[],
  header: readonly string[],
): Record<string, unknown> {
  return {
    assemblyId,
    account: '123456789012',
    columns: header.map((h) => {
      const slash = h.indexOf('/')
      return { category: h.slice(0, slash), name: h.slice(slash + 1), type: 'String' }
    }),
    charset: 'UTF-8',
    compression: 'GZIP',
    contentType: 'text/csv',
    reportId: 'a1b2c3',
    reportName: 'cur',
    billingPeriod: { start: '20231101T000000.000Z', end: '20231201T000000.000Z' },
    bucket: 'billing-bucket',
    reportKeys: partNames.map((name) => `reports/cur/20231101-20231201/${assemblyId}/${name}`),
    additionalArtifactKeys: [],
  }
}

/** A delivery written into `root`: its folder, manifest path and the parts' paths and plain CSV texts. */
export interface WrittenDelivery {
  readonly folder: string
  readonly manifest: string
  readonly parts: { name: string; path: string; csv: string }[]
}

/**
 * Writes delivery `assemblyId` of the sample's `parts` (rows per part) under `root` as AWS
 * lays it out; `skip` leaves parts out of the folder (the manifest still lists them).
 */
export function writeCurDelivery(
  root: string,
  assemblyId: string,
  parts: readonly (readonly string[][])[],
  options: { header?: readonly string[]; skip?: readonly number[]; manifest?: unknown } = {},
): WrittenDelivery {
  const header = options.header ?? curSample().header
  const folder = join(root, 'cur', '20231101-20231201', assemblyId)
  mkdirSync(folder, { recursive: true })
  const names = parts.map((_, i) => `cur-${String(i + 1).padStart(5, '0')}.csv.gz`)
  const written = parts.map((rows, i) => {
    const name = names[i] ?? ''
    const csv = toCsv(header, rows)
    const path = join(folder, name)
    if (!options.skip?.includes(i)) writeFileSync(path, gzipSync(Buffer.from(csv)))
    return { name, path, csv }
  })
  const manifest = join(folder, 'cur-Manifest.json')
  const body = options.manifest ?? curManifest(assemblyId, names, curSample().header)
  writeFileSync(manifest, JSON.stringify(body))
  return { folder, manifest, parts: written }
}
