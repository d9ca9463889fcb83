/** Crafted cost files for the budget tests: one FOCUS row per day, team and currency, imported for real. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { daysBetween } from '../../../shared/budgets/days'
import { tempDir } from '../../helpers/paths'

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,SubAccountId,Tags'

/** A row of the crafted file. */
export interface CostDay {
  readonly day: string
  readonly team: string
  readonly currency: string
  readonly billed: string
  readonly account?: string
}

/** Every day from `first` to `last` at `billed`, for one team and currency. */
export function daily(
  first: string,
  last: string,
  team: string,
  currency: string,
  billed: (day: string) => string,
): CostDay[] {
  return daysBetween(first, last).map((day) => ({ day, team, currency, billed: billed(day) }))
}

/** Writes the rows as a FOCUS CSV in a temp folder and returns its path. */
export function costCsv(name: string, rows: readonly CostDay[]): string {
  const path = join(tempDir(), name)
  const lines = rows.map((r) => {
    const next = new Date(Date.parse(`${r.day}T00:00:00Z`) + 86_400_000).toISOString()
    const tags = `"{""team"":""${r.team}""}"`
    // EffectiveCost is half the billed cost, so a test can tell which metric was summed.
    const effective = String(Number(r.billed) / 2)
    return `${r.billed},${effective},${r.currency},${r.day}T00:00:00Z,${next},${r.account ?? 'acct-1'},${tags}`
  })
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n')
  return path
}

/** Imports crafted rows through the real import; throws when the import did not succeed. */
export async function importCostDays(
  ws: Workspace,
  name: string,
  rows: readonly CostDay[],
): Promise<void> {
  const record = await importFile(ws, costCsv(name, rows))
  if (record.status !== 'imported') throw new Error(`import failed: ${record.error?.message}`)
}

/** Writes a budgets CSV in a temp folder and returns its path. */
export function budgetsCsv(name: string, text: string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, text)
  return path
}
