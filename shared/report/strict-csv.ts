/**
 * The small CSV files a finance team keeps beside the pack (budgets, ledger mapping),
 * read the same strict way: a header whose names are found in any order and case,
 * one record per line, fields trimmed, blank lines skipped, lines numbered as an
 * editor shows them so an error can name the line.
 */
import { fail } from '../contract/errors'
import { splitRecord } from '../csv'

/** One non-blank record: its trimmed fields and its line number in the file (the header is line 1). */
export interface StrictCsvRecord {
  readonly fields: string[]
  readonly line: number
}

/** A parsed small CSV: column lookups by header name, and its records. */
export interface StrictCsv {
  /** The index of a column the file must have; refuses the file (MISSING_COLUMNS, line 1) without it. */
  column(name: string): number
  /** The index of an optional column, or -1. */
  optional(name: string): number
  readonly records: StrictCsvRecord[]
}

/** Reads a small CSV's text; `headerHint` says which header the file needs when a column is missing. */
export function readStrictCsv(text: string, fileName: string, headerHint: string): StrictCsv {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/)
  const header = splitRecord(lines[0] ?? '').map((h) => h.trim().toLowerCase())
  const records: StrictCsvRecord[] = []
  lines.slice(1).forEach((line, i) => {
    if (line.trim() !== '')
      records.push({ fields: splitRecord(line).map((f) => f.trim()), line: i + 2 })
  })
  return {
    column(name) {
      const index = header.indexOf(name)
      if (index < 0)
        fail('MISSING_COLUMNS', `${fileName} has no "${name}" column.`, {
          hint: headerHint,
          location: { file: fileName, line: 1 },
        })
      return index
    },
    optional: (name) => header.indexOf(name),
    records,
  }
}
