/**
 * A pack's reporting currency: the model's figures converted with the workspace's rates
 * (shared/fx/reporting.ts), checked before any file of the pack is written so a missing
 * rate leaves nothing behind.
 */
import { fail } from '../../../shared/contract'
import { buildReportingCurrency } from '../../../shared/fx'
import type { ReportModel } from '../../../shared/report'
import type { Workspace } from '../workspace/workspace'
import { readRates } from './fx-rates'

/** `model` with its figures in `currency` beside the originals; the model itself when no currency is asked for. */
export async function withReportingCurrency(
  ws: Workspace,
  model: ReportModel,
  currency: string | null | undefined,
): Promise<ReportModel> {
  if (!currency) return model
  const code = currency.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code))
    fail('BAD_REQUEST', `"${currency}" is not a currency code.`, {
      hint: 'Give the reporting currency as an ISO 4217 code in capitals, e.g. EUR.',
    })
  return { ...model, reporting: buildReportingCurrency(model, code, await readRates(ws)) }
}
