/** The weekly ledger exported as a file the screen downloads: PDF or CSV bytes as base64, no path. */
import type { LedgerWeek } from '../../../shared/contract/ledger'
import type { PivotExportFileData } from '../../../shared/contract/pivot-export'
import { csvField } from '../report/csv'
import { ledgerCsv } from './ledger-csv'
import { ledgerPdf } from './ledger-pdf'

/** A file name that says what the ledger is: ledger-2024-W39-SubAccountName-BilledCost.pdf. */
export function ledgerFileName(ledger: LedgerWeek, format: 'pdf' | 'csv'): string {
  const by = ledger.by.replace(/[^A-Za-z0-9_-]+/g, '_')
  return `ledger-${ledger.week}-${by}-${ledger.metric}.${format}`
}

/**
 * The ledger as a downloadable file; `masked` is presentation mode's notice, stated on the
 * PDF under its title and as the CSV's first line (as a pivot export does) while the mode is on.
 */
export async function exportLedger(
  ledger: LedgerWeek,
  format: 'pdf' | 'csv',
  masked: string | null = null,
): Promise<PivotExportFileData> {
  const csv = (): string => (masked ? `Masked,${csvField(masked)}\r\n` : '') + ledgerCsv(ledger)
  const bytes = format === 'pdf' ? await ledgerPdf(ledger, masked) : Buffer.from(csv(), 'utf8')
  return {
    fileName: ledgerFileName(ledger, format),
    mediaType: format === 'pdf' ? 'application/pdf' : 'text/csv',
    base64: bytes.toString('base64'),
  }
}
