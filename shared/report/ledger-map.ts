/**
 * The ledger mapping a controller keeps beside the pack: a CSV
 * `target,ledger_account,cost_center_code` naming, per cost center, the
 * expense account its charge is debited to and the code the general ledger
 * knows it by. Parsed strictly like the budgets file; a row with an empty
 * account is kept so the journal can report that cost center as unmapped.
 */
import { fail } from '../contract/errors'
import { splitRecord } from '../csv'

/** One cost center's ledger account and code (null code: the ledger uses the target's name). */
export interface LedgerMapping {
  readonly target: string
  /** Null when the row leaves the account empty: the cost center is reported as unmapped. */
  readonly ledgerAccount: string | null
  readonly costCenterCode: string | null
}

/** Parses ledger mapping CSV text; the header names target and ledger_account, cost_center_code is optional. */
export function parseLedgerMapCsv(text: string, fileName = 'ledger.csv'): LedgerMapping[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/)
  const header = splitRecord(lines[0] ?? '').map((h) => h.trim().toLowerCase())
  const required = (name: string): number => {
    const index = header.indexOf(name)
    if (index < 0)
      fail('MISSING_COLUMNS', `${fileName} has no "${name}" column.`, {
        hint: 'The ledger mapping needs the header target,ledger_account,cost_center_code.',
        location: { file: fileName, line: 1 },
      })
    return index
  }
  const [t, a] = [required('target'), required('ledger_account')]
  const c = header.indexOf('cost_center_code')
  const mappings: LedgerMapping[] = []
  const seen = new Set<string>()
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return
    const fields = splitRecord(line).map((f) => f.trim())
    const location = { file: fileName, line: i + 2 }
    const target = fields[t] ?? ''
    if (!target)
      fail('BAD_VALUE', `${fileName} line ${i + 2} has no target.`, {
        location,
        hint: 'Name the cost center exactly as the pack does in the target column.',
      })
    if (seen.has(target))
      fail('BAD_VALUE', `${fileName} line ${i + 2} maps ${target} a second time.`, {
        location,
        hint: 'Keep one row per cost center.',
      })
    seen.add(target)
    mappings.push({
      target,
      ledgerAccount: fields[a] || null,
      costCenterCode: (c >= 0 ? fields[c] : '') || null,
    })
  })
  return mappings
}
