/**
 * The weekly cost ledger of a week (issue 12, "Weekly cost ledger"): per currency, this week,
 * last week and the delta by a dimension, the top movers by |delta| with their drivers, each
 * with its stored explanation and whether it still needs a sign-off. Read on its own reader,
 * so a running import does not hold it up.
 */
import { fail } from '../../../shared/contract'
import type { CostMetricName } from '../../../shared/contract/allocation'
import type {
  LedgerExplanation,
  LedgerWeek,
  LedgerWeekRequest,
} from '../../../shared/contract/ledger'
import { overSignOff, type SignOffThreshold } from '../../../shared/ledger/sign-off'
import { shiftIsoWeek } from '../../../shared/ledger/iso-week'
import { PivotSpecError } from '../../../shared/sql/pivot-where-sql'
import { focusColumnNames } from '../query/catalog'
import { hasInvalidTags } from '../query/pivot'
import type { Workspace } from '../workspace/workspace'
import { readExplanations } from './explanations'
import { resolveLedgerBy } from './ledger-dimension'
import { requestWeek } from './week-request'
import { ledgerCurrencies } from './ledger-rows'
import { ledgerSql, type LedgerScope } from './ledger-sql'
import { readSignOff } from './sign-off-setting'

/** Movers listed per currency unless asked otherwise. */
export const DEFAULT_TOP = 10

/** The ledger of `request.week`. */
export async function ledgerWeek(ws: Workspace, request: LedgerWeekRequest): Promise<LedgerWeek> {
  const week = requestWeek(request.week)
  const last = shiftIsoWeek(week, -1)
  const metric: CostMetricName = request.metric ?? 'BilledCost'
  const top = request.top ?? DEFAULT_TOP
  const connection = await ws.reader()
  try {
    const { label, dimension, tags } = await resolveLedgerBy(ws, request.by, connection)
    const scope: LedgerScope = {
      columns: await focusColumnNames(ws, connection),
      guardJson: await hasInvalidTags(ws, connection),
      ...(tags ? { tags } : {}),
      dimension,
      metric,
      lastStart: last.start,
      start: week.start,
      end: week.end,
    }
    const compiled = compile(() => ledgerSql(scope, top))
    const explanations = await readExplanations(ws, week.label, label, connection)
    const threshold = await readSignOff(ws, connection)
    const rows = await ws.all(compiled.sql, compiled.params, connection)
    const currencies = ledgerCurrencies(rows, explanations, (figures, explanation) =>
      needsSignOff(figures, explanation, threshold),
    )
    return {
      week: week.label,
      start: week.start,
      end: week.end,
      lastWeek: { week: last.label, start: last.start, end: last.end },
      by: label,
      byReason: request.by ? 'requested' : 'owner-default',
      metric,
      top,
      threshold,
      currencies,
    }
  } finally {
    connection.closeSync()
  }
}

function compile<T>(build: () => T): T {
  try {
    return build()
  } catch (cause) {
    if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
    throw cause
  }
}

/** True for a mover over `threshold` (the workspace's, sign-off-setting.ts) whose explanation is not signed off. */
export function needsSignOff(
  figures: { delta: string; deltaPercent: string | null },
  explanation: LedgerExplanation | null,
  threshold: SignOffThreshold,
): boolean {
  if (explanation?.signedBy) return false
  return overSignOff(figures, threshold)
}
