/**
 * Helpers for the report tests: an oracle that sums the demo CSV by period
 * and target in plain TypeScript (independent of DuckDB and of the report
 * code), PDF text via poppler's pdftotext, and first-page PNGs for people.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT } from '../../helpers/paths'

/** The demo file every report test builds packs from. */
export const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

/** Where the PNGs of first pages go (kept by CI as artifacts, looked at by people). */
export const PNG_DIR = join(ROOT, 'test-results/report')

const missing = (v: string | undefined): boolean =>
  v === undefined || v.trim() === '' || v === 'NULL'

/** Rows of a CSV as objects keyed by header. */
export function csvRecords(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

/** A row's target for a `--by` value: a column, or tag:<key> read from the Tags JSON. */
export function targetOf(row: Record<string, string>, by: string): string {
  let value: string | undefined
  if (by.startsWith('tag:')) {
    const tags = row.Tags
    if (!missing(tags)) {
      const v = (JSON.parse(tags ?? '{}') as Record<string, unknown>)[by.slice(4)]
      value = v == null ? undefined : String(v)
    }
  } else value = row[by]
  return missing(value) ? 'Unallocated' : (value as string)
}

/** Exact sums of `metric` per target for rows of `period` (by BillingPeriodStart), plus line counts. */
export function oracle(
  path: string,
  period: string,
  by: string,
  metric = 'BilledCost',
): { targets: Map<string, { sum: string; lines: number }>; total: string } {
  const groups = new Map<string, string[]>()
  for (const row of csvRecords(path)) {
    if (!(row.BillingPeriodStart ?? '').startsWith(period)) continue
    const target = targetOf(row, by)
    const list = groups.get(target) ?? []
    list.push(missing(row[metric]) ? '0' : (row[metric] ?? '0'))
    groups.set(target, list)
  }
  const targets = new Map(
    [...groups].map(([t, v]) => [t, { sum: sumDecimals(v), lines: v.length }]),
  )
  return { targets, total: sumDecimals([...targets.values()].map((t) => t.sum)) }
}

/** The text of a PDF (poppler's pdftotext), whitespace collapsed so wrapped sentences match. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

/** The text of a PDF with its layout kept (pdftotext -layout): one table row per line. */
export function pdfLines(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
}

/** True when some line of `lines` starts with `prefix` (whitespace collapsed as in pdfLines). */
export function hasRow(lines: readonly string[], prefix: string): boolean {
  const wanted = flat(prefix)
  return lines.some((line) => line.startsWith(wanted))
}

/** The fonts a PDF embeds (poppler's pdffonts), one line each. */
export function pdfFonts(path: string): string {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' })
}

/** Number of pages (poppler's pdfinfo). */
export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
}

/** Renders the first page to test-results/report/<name>.png at 60 dpi and returns its path. */
export function firstPagePng(pdf: string, name: string): string {
  mkdirSync(PNG_DIR, { recursive: true })
  const base = join(PNG_DIR, name)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, base])
  return `${base}.png`
}

/** The same whitespace collapsing for expected strings (Intl puts a no-break space after the code). */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ')
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** Writes a small PNG logo (a two-tone badge) so the cover's logo path is exercised with a real image. */
export function writeLogo(path: string, width = 160, height = 48): string {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3
      const inBadge = x < height
      raw.set(inBadge ? [37, 96, 156] : [230, 236, 242], at)
    }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  writeFileSync(path, png)
  return path
}
