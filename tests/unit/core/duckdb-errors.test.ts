import { describe, expect, it } from 'vitest'
import { describeReadError, isCsvContentError } from '../../../electron/core/ingest/duckdb-errors'

// DuckDB 1.5's own words, as thrown by read_csv on files Focal has met (kept verbatim).
const PARALLEL =
  'Not implemented Error: The Parallel CSV Reader currently does not support a full read on this file.\nTo correctly parse this file, please run with the single threaded error (i.e., parallel = false)\n'
const NO_PARQUET = `Invalid Input Error: No magic bytes found at end of file '/home/ana/exports/march.parquet'`

describe('describeReadError', () => {
  it("words DuckDB's parallel-reader refusal for people and keeps DuckDB's text only in details", () => {
    const error = describeReadError(new Error(PARALLEL), 'march.csv')
    expect(error).toEqual({
      code: 'BAD_ROW_SHAPE',
      message:
        'march.csv: the file cannot be split into CSV rows; a stray quote or carriage return, or line breaks of more than one kind, usually cause this.',
      hint: 'Export the file again as standard CSV (RFC 4180, one kind of line break); nothing was imported.',
      location: { file: 'march.csv' },
      details: {
        reader: 'The Parallel CSV Reader currently does not support a full read on this file.',
      },
    })
    expect(isCsvContentError(new Error(PARALLEL))).toBe(true)
  })

  it('never repeats the absolute path DuckDB names a file by', () => {
    const error = describeReadError(new Error(NO_PARQUET), 'march.parquet')
    expect(error.message).toBe(
      'march.parquet is not a readable Parquet file: it is damaged or incomplete.',
    )
    expect(JSON.stringify(error)).not.toContain('/home/ana')
    expect(error.details?.reader).toBe('No magic bytes found at end of file march.parquet')
  })

  it('an I/O error keeps its reason, with the path replaced by the file name', () => {
    const error = describeReadError(
      new Error('IO Error: Cannot open file "/home/ana/exports/march.csv": Permission denied'),
      'march.csv',
    )
    expect(error.message).toBe('march.csv: Cannot open file march.csv: Permission denied')
    expect(isCsvContentError(new Error('IO Error: Cannot open file'))).toBe(false)
  })
})
