/**
 * RFC 4180 CSV parsing for the small CSV texts Focal reads in TypeScript: a
 * file's header line, budgets, and the tests' independent oracle. Billing
 * data itself is always read by DuckDB.
 */

/** Splits one CSV record (no line breaks inside) into fields, honouring quotes. */
export function splitRecord(line: string, delimiter = ','): string[] {
  return parseCsv(line, delimiter)[0] ?? ['']
}

/** Parses CSV text into records; quoted fields may contain delimiters, quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''))
}
