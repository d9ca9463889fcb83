/**
 * What the mapping screen shows while a person makes a mapping: the file's
 * columns with their first values as written, and those rows mapped as the
 * mapping says, by the same compiled SQL an import runs, each cell with the
 * error the import would refuse it for.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { DuckDBInstance } from '@duckdb/node-api'
import type { MappingPreview, MappingSample } from '../../../shared/contract/mappings'
import { fail } from '../../../shared/contract'
import { parseCsv } from '../../../shared/csv'
import { focusColumn, REQUIRED_TO_IMPORT } from '../../../shared/focus'
import { compileMapping } from '../../../shared/formats/compile-sql'
import { closestFormats } from '../../../shared/formats/detect'
import { userMappingProblems } from '../../../shared/formats/user-mapping-check'
import { compileUserMapping } from '../../../shared/formats/user-mapping-compile'
import { readCsvHeader } from '../ingest/csv-header'
import { detectFileKind } from '../ingest/file-kind'

/** Rows shown and previewed. */
const SAMPLE_ROWS = 20

/** Bytes read for the sample: enough for 20 rows of any export. */
const SAMPLE_BYTES = 512 << 10

/** Reads the header and first rows of a CSV (gzip too) at `path`, shown as `fileName`. */
export async function sampleCsv(path: string, fileName: string): Promise<MappingSample> {
  const kind = await detectFileKind(path)
  if (kind !== 'csv' && kind !== 'csv.gz')
    fail('UNSUPPORTED_FORMAT', `${fileName} is not a CSV file; a column mapping reads CSV files.`, {
      hint: 'Export the data as CSV and choose that file.',
      location: { file: fileName },
    })
  const { columns, delimiter } = await readCsvHeader(path, kind === 'csv.gz', fileName)
  const { text, whole } = await readStart(path, kind === 'csv.gz')
  const records = parseCsv(text.replace(/^\ufeff/, ''), delimiter).slice(1)
  // The last record of a cut read may be cut too.
  const complete = whole ? records : records.slice(0, -1)
  return {
    fileName,
    header: [...columns],
    samples: complete.filter((r) => r.some((f) => f !== '')).slice(0, SAMPLE_ROWS),
    closest: closestFormats(columns).map((f) => ({ ...f, lacks: [...f.lacks] })),
  }
}

async function readStart(path: string, gzip: boolean): Promise<{ text: string; whole: boolean }> {
  const source = createReadStream(path, { highWaterMark: 64 << 10 })
  const stream = gzip ? source.pipe(createGunzip()) : source
  const chunks: Buffer[] = []
  let size = 0
  let whole = true
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      size += chunk.length
      if (size >= SAMPLE_BYTES) {
        whole = false
        break
      }
    }
  } finally {
    source.destroy()
  }
  return { text: Buffer.concat(chunks).subarray(0, SAMPLE_BYTES).toString('utf8'), whole }
}

/** The sample's rows mapped by `json` (a mapping being made: its problems are listed, not thrown). */
export async function previewMapping(
  sample: MappingSample,
  json: unknown,
): Promise<MappingPreview> {
  const { mapping, problems } = userMappingProblems(json)
  if (mapping === null) return { problems, columns: [], rows: [] }
  // Checked against the file's own header, whatever header the mapping was made for.
  const compiled = compileMapping(compileUserMapping(mapping), sample.header)
  const columns = compiled.columns.map((c) => c.target)
  if (columns.length === 0 || sample.samples.length === 0) return { problems, columns, rows: [] }
  const width = sample.header.length
  const names = sample.header.map((_, i) => `c${i}`)
  const values = sample.samples.flatMap((row) => names.map((_, i) => row[i] ?? ''))
  const tuples = sample.samples.map(
    (_, r) => `(${names.map((__, i) => `$${r * width + i + 1}`).join(', ')}, ${r + 1})`,
  )
  // A throwaway in-memory DuckDB: a preview reads no file and writes nothing in the workspace.
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    await connection.run(
      `CREATE TEMP TABLE sample AS SELECT * FROM (VALUES ${tuples.join(', ')}) t(${names.join(', ')}, n)`,
      values,
    )
    const select = compiled.columns.map((c, k) => `${c.sql} AS v${k}`).join(', ')
    const reader = await connection.runAndReadAll(`SELECT n, ${select} FROM sample ORDER BY n`)
    const rows = reader.getRowObjectsJson().map((row) => {
      const cells = columns.map((target, k) =>
        row[`v${k}`] == null ? null : shown(target, String(row[`v${k}`])),
      )
      return {
        row: Number(row.n),
        values: cells,
        errors: cells.map((value, k) => cellError(columns[k] ?? '', value)),
      }
    })
    return { problems, columns, rows }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
/** The compiled date expression writes a time it read as ISO 8601 UTC; anything else passed as written. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** A mapped money value without DECIMAL(38,18)'s trailing zeros; anything else as mapped. */
function shown(target: string, value: string): string {
  if (focusColumn(target)?.type !== 'decimal' || !/^-?\d+\.\d+$/.test(value)) return value
  return value.replace(/0+$/, '').replace(/\.$/, '')
}

/** Why the import would refuse this mapped value, or null. */
function cellError(target: string, value: string | null): string | null {
  const required = (REQUIRED_TO_IMPORT as readonly string[]).includes(target)
  if (value === null) return required ? `${target} is required but empty.` : null
  const type = focusColumn(target)?.type
  if (type === 'decimal' && !NUMBER.test(value))
    return `"${value}" is not a number; set the decimal mark, thousands separator or characters to trim.`
  if (type === 'datetime' && !ISO_TIME.test(value))
    return `"${value}" is not a date Focal can read; set the date format (e.g. %d.%m.%Y).`
  return null
}
