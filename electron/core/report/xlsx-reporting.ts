/**
 * The workbook's "Reporting currency" sheet (only when a reporting currency was asked for):
 * each cost center's original amounts with the rate, its date and source, converted; a
 * cost center in several currencies gets its converted subtotal; then the pack's total.
 * The original amounts on the Summary sheet stay the ones that reconcile.
 */
import type ExcelJS from 'exceljs'
import { convertedOf } from '../../../shared/fx'
import { currencyDecimals, roundDecimal, type ReportModel } from '../../../shared/report'
import { EXACT_FORMAT, addRow, addSheet, moneyFormat, num } from './xlsx-style'

/** Adds the sheet; nothing when the model has no reporting currency. */
export function reportingSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel): void {
  const r = model.reporting
  if (!r) return
  const sheet = addSheet(wb, 'Reporting currency', [
    { header: 'Cost center', width: 32 },
    { header: 'Currency', width: 10 },
    { header: 'Exact amount', width: 22 },
    { header: 'Rate', width: 12 },
    { header: 'Rate date', width: 12 },
    { header: 'Rate source', width: 24 },
    { header: `In ${r.currency}`, width: 18 },
    { header: `Exact in ${r.currency}`, width: 28 },
  ])
  const money = moneyFormat(r.currency)
  const cents = (v: string): number | null => num(roundDecimal(v, currencyDecimals(r.currency)))
  const formats = { 3: EXACT_FORMAT, 4: EXACT_FORMAT, 7: money, 8: EXACT_FORMAT }
  for (const t of model.targets) {
    for (const a of t.amounts) {
      const rate = r.rates.find((x) => x.from === a.currency)
      const amount = convertedOf(r, a.currency, a.exact)
      addRow(
        sheet,
        [
          t.target,
          a.currency,
          a.exact,
          rate?.rate ?? null,
          rate?.rateDate ?? null,
          rate?.source ?? null,
          cents(amount),
          amount,
        ],
        formats,
      )
    }
    const converted = r.targets.find((x) => x.target === t.target)?.amount ?? '0'
    if (t.amounts.length > 1)
      addRow(
        sheet,
        [`${t.target} in ${r.currency}`, null, null, null, null, null, cents(converted), converted],
        formats,
        true,
      )
  }
  addRow(
    sheet,
    [`Total in ${r.currency}`, null, null, null, null, null, cents(r.total), r.total],
    formats,
    true,
  )
  sheet.commit()
}
