/**
 * The ledger mapping a controller keeps beside the pack: a CSV
 * `target,ledger_account,cost_center_code` naming, per cost center, the
 * expense account its charge is debited to and the code the general ledger
 * knows it by. Parsed strictly like the budgets file; a row with an empty
 * account is kept so the journal can report that cost center as unmapped.
 */
import { fail } from '../contract/errors'
import { readStrictCsv } from './strict-csv'

/** One cost center's ledger account and code (null code: the ledger uses the target's name). */
export interface LedgerMapping {
  readonly target: string
  /** Null when the row leaves the account empty: the cost center is reported as unmapped. */
  readonly ledgerAccount: string | null
  readonly costCenterCode: string | null
}

/** Parses ledger mapping CSV text; the header names target and ledger_account, cost_center_code is optional. */
export function parseLedgerMapCsv(text: string, fileName = 'ledger.csv'): LedgerMapping[] {
  const csv = readStrictCsv(
    text,
    fileName,
    'The ledger mapping needs the header target,ledger_account,cost_center_code.',
  )
  const [t, a] = [csv.column('target'), csv.column('ledger_account')]
  const c = csv.optional('cost_center_code')
  const mappings: LedgerMapping[] = []
  const seen = new Set<string>()
  for (const { fields, line } of csv.records) {
    const location = { file: fileName, line }
    const target = fields[t] ?? ''
    if (!target)
      fail('BAD_VALUE', `${fileName} line ${line} has no target.`, {
        location,
        hint: 'Name the cost center exactly as the pack does in the target column.',
      })
    if (seen.has(target))
      fail('BAD_VALUE', `${fileName} line ${line} maps ${target} a second time.`, {
        location,
        hint: 'Keep one row per cost center.',
      })
    seen.add(target)
    mappings.push({
      target,
      ledgerAccount: fields[a] || null,
      costCenterCode: (c >= 0 ? fields[c] : '') || null,
    })
  }
  return mappings
}
