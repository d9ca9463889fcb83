/**
 * "In <currency>" on the summary PDF when a reporting currency was asked for: each cost
 * center and the total converted, with the rate, its date and source for every original
 * currency, and a sentence that the original amounts above are the ones that reconcile.
 */
import type { ReportingCurrency } from '../../../../shared/fx'
import { formatAmount } from '../../../../shared/report'
import { note, sectionHeading, type Pdf } from './document'
import { drawTable, type TableColumn } from './table'

/** Draws the section at the flow cursor; nothing without a reporting currency. */
export function drawReportingCurrency(doc: Pdf, reporting: ReportingCurrency | undefined): void {
  if (!reporting) return
  const c = reporting.currency
  sectionHeading(doc, `In ${c} (reporting currency)`, 120)
  const rates = reporting.rates.map(
    (r) => `1 ${r.from} = ${r.rate} ${r.to} (rate of ${r.rateDate}, ${r.source})`,
  )
  note(
    doc,
    `${rates.length > 0 ? `Converted at ${rates.join('; ')}.` : `Every amount is in ${c} already.`} ` +
      `The amounts in the original currency above are the ones that reconcile with the invoice; ` +
      `these are exact conversions rounded for display.`,
  )
  doc.moveDown(0.4)
  const columns: TableColumn[] = [
    { header: 'Cost center', weight: 5 },
    { header: `In ${c}`, weight: 2.4, align: 'right' },
  ]
  drawTable(doc, columns, [
    ...reporting.targets.map((t) => ({ cells: [t.target, formatAmount(t.amount, c)] })),
    { cells: [`Total in ${c}`, formatAmount(reporting.total, c)], strong: true },
  ])
}

/** The sentence a cost center's PDF states under its figures, or null without a reporting currency. */
export function reportingSentence(
  reporting: ReportingCurrency | undefined,
  target: string,
  currencies: readonly string[],
): string | null {
  if (!reporting) return null
  const c = reporting.currency
  const amount = reporting.targets.find((t) => t.target === target)?.amount ?? '0'
  const rates = reporting.rates
    .filter((r) => currencies.includes(r.from))
    .map((r) => `1 ${r.from} = ${r.rate} ${r.to}, rate of ${r.rateDate}, ${r.source}`)
  return (
    `In ${c} (reporting currency): ${formatAmount(amount, c)}` +
    (rates.length > 0 ? ` (converted at ${rates.join('; ')})` : '') +
    '. The amounts above are the ones that reconcile with the invoice.'
  )
}
