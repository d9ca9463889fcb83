/** The weekly ledger exported as a file the screen downloads: PDF or CSV bytes as base64, no path. */
import type { LedgerWeek } from '../../../shared/contract/ledger'
import type { PivotExportFileData } from '../../../shared/contract/pivot-export'
import { ledgerCsv } from './ledger-csv'
import { ledgerPdf } from './ledger-pdf'

/** A file name that says what the ledger is: ledger-2024-W39-SubAccountName-BilledCost.pdf. */
export function ledgerFileName(ledger: LedgerWeek, format: 'pdf' | 'csv'): string {
  const by = ledger.by.replace(/[^A-Za-z0-9_-]+/g, '_')
  return `ledger-${ledger.week}-${by}-${ledger.metric}.${format}`
}

/** The ledger as a downloadable file. */
export async function exportLedger(
  ledger: LedgerWeek,
  format: 'pdf' | 'csv',
): Promise<PivotExportFileData> {
  const bytes = format === 'pdf' ? await ledgerPdf(ledger) : Buffer.from(ledgerCsv(ledger), 'utf8')
  return {
    fileName: ledgerFileName(ledger, format),
    mediaType: format === 'pdf' ? 'application/pdf' : 'text/csv',
    base64: bytes.toString('base64'),
  }
}
