/**
 * `focal rows` and `focal row`: the drill-through of issue 9 on the command line. `rows` lists
 * the rows behind a pivot cell (the same filters the pivot compiles), paged and sortable;
 * `row` shows one row whole with its provenance and, given the folder of the source files,
 * its original line.
 */
import { resolve } from 'node:path'
import {
  ROW_SUMMARY_COLUMNS,
  type RowDetail,
  type RowKey,
  type RowSource,
  type RowsPage,
  type RowsPageRequest,
} from '../../shared/contract/rows'
import { NONE_LABEL, parseDimension, type Filter } from '../../shared/pivot'
import { rowDetail } from '../core/rows/row-detail'
import { rowSource } from '../core/rows/row-source'
import { rowsPage } from '../core/rows/rows-page'
import { SourceLinks } from '../core/rows/source-links'
import { Workspace } from '../core/workspace/workspace'
import { textTable } from './format'
import { applyMask, MASK_HELP, MASK_OPTIONS } from './mask-option'
import { parseCommand, usageError } from './usage'

/** Help text of `focal rows` and `focal row`. */
export const ROWS_HELP = `focal rows -w <workspace.focal> [--filter '<dim>=<v1>,<v2>']... [--exclude '<dim>=<v>']...
             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--basis charge|billing]
             [--day YYYY-MM-DD | --week YYYY-MM-DD | --month YYYY-MM | --quarter YYYY-Qn]
             [--sort <column>[:desc]] [--page N] [--page-size N] [--json|--csv] [--mask]
      The rows behind a pivot cell, exactly the rows its figure sums: <dim> is a
      column or tag:<key>, "${NONE_LABEL}" matches a missing value; --to is exclusive;
      the dates and the time bucket (as focal pivot prints it; a week by its Monday)
      are the charge period's start unless --basis billing;
      pages of --page-size rows (default 50, at most 500), with the total.
  focal row -w <workspace.focal> <import-id>:<source-row> [--sources <folder>] [--json]
      One row whole: every column as stored, its tags, its import (file, SHA-256,
      format, status), source row and fixes; with --sources, the original line of
      the source file, found in <folder> by its SHA-256 (any name, any depth).
  Both take --mask: ${MASK_HELP} (--sources is refused then: the line is the file as written.)`

function usage(message: string): number {
  return usageError(message, ROWS_HELP)
}

/** Runs `focal rows …` (`command` 'rows') or `focal row …` ('row'). Returns the exit code. */
export async function runRowsCommand(command: 'rows' | 'row', argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      filter: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      from: { type: 'string' },
      to: { type: 'string' },
      basis: { type: 'string' },
      day: { type: 'string' },
      week: { type: 'string' },
      month: { type: 'string' },
      quarter: { type: 'string' },
      sort: { type: 'string' },
      page: { type: 'string', default: '1' },
      'page-size': { type: 'string', default: '50' },
      sources: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...MASK_OPTIONS,
    },
    ROWS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (!values.workspace) return usage(`focal ${command} needs -w <workspace.focal>.`)
  const path = resolve(values.workspace)
  if (command === 'row') {
    if (values.sources !== undefined && (values.mask || values['mask-tags'] !== undefined))
      return usage('--sources shows the line as the file wrote it: not with --mask.')
    const key = parseKey(positionals)
    if (typeof key === 'string') return usage(key)
    const ws = await Workspace.open(path, { readOnly: true })
    try {
      await applyMask(ws, values)
      const detail = await rowDetail(ws, key)
      const source =
        values.sources === undefined
          ? null
          : await rowSource(ws, key, new SourceLinks(), resolve(values.sources))
      if (values.json) console.log(JSON.stringify({ ok: true, ...detail, source }, null, 2))
      else console.log(describeRow(detail, source))
    } finally {
      await ws.close()
    }
    return 0
  }
  if (positionals.length > 0) return usage(`focal rows takes no arguments (got ${positionals[0]}).`)
  const request = parseRequest(values)
  if (typeof request === 'string') return usage(request)
  const ws = await Workspace.open(path, { readOnly: true })
  let page: RowsPage
  try {
    await applyMask(ws, values)
    page = await rowsPage(ws, request)
  } finally {
    await ws.close()
  }
  if (values.json) console.log(JSON.stringify({ ok: true, ...page }, null, 2))
  else if (values.csv) console.log(csvText(page))
  else console.log(describePage(page, request))
  return 0
}

/** `<import-id>:<source-row>`, or the usage mistake. */
function parseKey(positionals: readonly string[]): RowKey | string {
  const [text = '', ...more] = positionals
  const match = /^(\d+):(\d+)$/.exec(text)
  if (!match || more.length > 0)
    return 'focal row takes one row as <import-id>:<source-row>, e.g. focal row -w costs.focal 3:1207.'
  const key = { importId: Number(match[1]), sourceRow: Number(match[2]) }
  return key.importId > 0 && key.sourceRow > 0 ? key : 'Import ids and source rows start at 1.'
}

interface RowsOptions {
  filter: string[]
  exclude: string[]
  from?: string
  to?: string
  basis?: string
  day?: string
  week?: string
  month?: string
  quarter?: string
  sort?: string
  page: string
  'page-size': string
}

/** The rows request the options describe, or the usage mistake. */
function parseRequest(values: RowsOptions): RowsPageRequest | string {
  const filters: Filter[] = []
  for (const [op, texts] of [
    ['in', values.filter],
    ['notIn', values.exclude],
  ] as const) {
    for (const text of texts) {
      const at = text.indexOf('=')
      if (at <= 0)
        return `--${op === 'in' ? 'filter' : 'exclude'} takes <dim>=<v1>,<v2> (got ${text}).`
      const values = text
        .slice(at + 1)
        .split(',')
        .map((v) => (v === NONE_LABEL ? null : v))
      filters.push({ dimension: parseDimension(text.slice(0, at)), op, values })
    }
  }
  for (const [name, value] of [
    ['from', values.from],
    ['to', values.to],
  ] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      return `--${name} takes a date as YYYY-MM-DD (got ${value}).`
  }
  if (values.basis !== undefined && values.basis !== 'charge' && values.basis !== 'billing')
    return `--basis takes charge or billing (got ${values.basis}).`
  const buckets = (
    [
      ['day', values.day, /^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'],
      ['week', values.week, /^\d{4}-\d{2}-\d{2}$/, 'its Monday as YYYY-MM-DD'],
      ['month', values.month, /^\d{4}-\d{2}$/, 'YYYY-MM'],
      ['quarter', values.quarter, /^\d{4}-Q[1-4]$/, 'YYYY-Qn'],
    ] as const
  ).filter(([, value]) => value !== undefined)
  if (buckets.length > 1) return 'Give one of --day, --week, --month and --quarter.'
  const [bucket] = buckets
  if (bucket && !bucket[2].test(bucket[1]!))
    return `--${bucket[0]} takes ${bucket[3]} (got ${bucket[1]}).`
  const page = Number(values.page)
  const size = Number(values['page-size'])
  if (!Number.isInteger(page) || page < 1)
    return `--page takes a page number from 1 (got ${values.page}).`
  if (!Number.isInteger(size) || size < 1 || size > 500)
    return `--page-size takes 1 to 500 rows (got ${values['page-size']}).`
  const [column = '', order] = (values.sort ?? '').split(':')
  if (
    values.sort !== undefined &&
    (column === '' || (order !== undefined && !['asc', 'desc'].includes(order)))
  )
    return `--sort takes <column> or <column>:desc (got ${values.sort}).`
  const dated = values.from !== undefined || values.to !== undefined
  return {
    dateRange: dated ? { start: values.from ?? null, end: values.to ?? null } : null,
    ...(values.basis === 'billing' ? { dateBasis: 'billing' as const } : {}),
    filters,
    period: bucket ? { grain: bucket[0], value: bucket[1]! } : null,
    sort: values.sort === undefined ? null : { column, descending: order === 'desc' },
    offset: (page - 1) * size,
    limit: size,
  }
}

/** The page as a text table of the main columns, with where it is in the whole. */
function describePage(page: RowsPage, request: RowsPageRequest): string {
  const wanted = [
    ...ROW_SUMMARY_COLUMNS,
    ...request.filters.flatMap((f) => (f.dimension.kind === 'column' ? [f.dimension.name] : [])),
    ...(request.sort ? [request.sort.column] : []),
  ]
  const shown = [...new Set(wanted)].filter((c) => page.columns.includes(c))
  const at = (name: string): number => page.columns.indexOf(name)
  const header = ['Row', ...shown]
  const rows = page.rows.map((r) => [
    `${r[at('x_ImportId')]}:${r[at('x_SourceRow')]}`,
    ...shown.map((c) => r[at(c)] ?? NONE_LABEL),
  ])
  const money = new Set(shown.flatMap((c, i) => (/Cost$|Quantity$/.test(c) ? [i + 1] : [])))
  const first = page.rows.length === 0 ? 0 : page.offset + 1
  const last = page.offset + page.rows.length
  const pages = Math.max(1, Math.ceil(page.total / request.limit))
  const place = `Rows ${first}–${last} of ${page.total} (page ${request.offset / request.limit + 1} of ${pages}).`
  return `${textTable(header, rows, money)}\n${place} focal row -w <workspace> <Row> shows one whole.`
}

function csvText(page: RowsPage): string {
  const cell = (v: string | null): string =>
    v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
  return [page.columns.map(cell).join(','), ...page.rows.map((r) => r.map(cell).join(','))].join(
    '\n',
  )
}

/** One row for a person: provenance first, then every value, then the source line. */
function describeRow(detail: RowDetail, source: RowSource | null): string {
  const p = detail.provenance
  const lines = [
    `Row ${p.importId}:${p.sourceRow} — data row ${p.sourceRow} of ${p.sourceFile}`,
    `  Import ${p.importId}: ${p.fileName}, ${p.format}, ${p.status}${
      p.supersededBy === null ? '' : ` (superseded by import ${p.supersededBy})`
    }, imported ${p.importedAt}`,
    `  SHA-256 ${p.sha256}, ${p.sizeBytes} bytes`,
    p.fixes.length === 0
      ? '  Fixes: none'
      : `  Fixes:\n${p.fixes.map((f) => `    ${f.code}: ${f.meaning}`).join('\n')}`,
    '',
    textTable(
      ['Column', 'Value'],
      detail.values.filter((v) => v.value !== null).map((v) => [v.column, v.value ?? '']),
    ),
  ]
  if (detail.tags !== null && Object.keys(detail.tags).length > 0)
    lines.push('', 'Tags:', ...Object.entries(detail.tags).map(([k, v]) => `  ${k} = ${String(v)}`))
  if (source !== null) {
    lines.push('')
    if (!source.found) lines.push(source.message)
    else if (source.header !== null)
      lines.push(`Source line (${source.fileName}):`, source.header, source.line)
    else
      lines.push(
        `Source row (${source.fileName}):`,
        ...source.fields.map((f) => `  ${f.name} = ${f.value ?? 'null'}`),
      )
  }
  return lines.join('\n')
}
