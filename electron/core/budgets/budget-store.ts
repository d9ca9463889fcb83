/**
 * Budgets kept in the workspace: set (add or edit), delete, import a CSV and export one.
 * Every change is written in one transaction with its audit entry (`budget.set`,
 * `budget.delete`, `budget.import`), so the log says who set which amount.
 */
import { fail } from '../../../shared/contract'
import type { BudgetKey, StoredBudget } from '../../../shared/contract/budgets'
import { normalizeDecimal, toScaled } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { isMasked, maskedNotice } from '../presentation/presentation-mode'
import { maskValue } from '../presentation/mask-values'
import { csvField } from '../report/csv'
import { checkDimension } from '../report/lines-by-dimension'
import { actorName, type Workspace } from '../workspace/workspace'
import { formatBudgetLines, parseBudgetLines, type BudgetLine } from './budget-csv'
import { DELETE_BUDGET_SQL, LIST_BUDGETS_SQL, UPSERT_BUDGET_SQL } from './budgets-sql'

/** What an import did. */
export interface BudgetImportSummary {
  readonly fileName: string
  readonly added: number
  readonly replaced: number
}

// While presentation mode is on the screen holds aliases, not the values budgets are kept
// under: a budget saved from it would be stored under an alias and match no rows once the mode
// is off. So budgets are changed only with the mode off.
function refuseWhileMasked(ws: Workspace, what: string): void {
  if (isMasked(ws))
    fail('BAD_REQUEST', `Turn presentation mode off to ${what}.`, {
      hint: 'Budgets are kept under the real account, resource and tag values, which presentation mode hides. Switch Present off, make the change, then switch it on again.',
    })
}

function keyValues(k: BudgetKey): string[] {
  return [k.period, k.dimension, k.value, k.currency]
}

/** The stored budgets of `period` (all periods when null). */
export async function listBudgets(ws: Workspace, period: string | null): Promise<StoredBudget[]> {
  const rows = await ws.all(LIST_BUDGETS_SQL, [period])
  return rows.map((r) => ({
    period: String(r.period),
    dimension: String(r.dimension),
    value: String(r.value),
    currency: String(r.currency),
    amount: normalizeDecimal(String(r.amount)),
    thresholds: JSON.parse(String(r.thresholds)) as number[],
    updatedBy: String(r.updated_by),
    updatedAt: String(r.updated_at),
  }))
}

async function exists(ws: Workspace, key: BudgetKey): Promise<boolean> {
  const rows = await ws.all(
    'SELECT 1 AS x FROM budgets WHERE period = $1 AND dimension = $2 AND value = $3 AND currency = $4',
    keyValues(key),
  )
  return rows.length > 0
}

async function upsert(ws: Workspace, b: BudgetLine): Promise<void> {
  await ws.run(UPSERT_BUDGET_SQL, [
    ...keyValues(b),
    b.amount,
    JSON.stringify([...b.thresholds].sort((x, y) => x - y)),
    actorName(),
  ])
}

/** Adds or edits one budget (`previous`: its key before an edit that changed it). */
export async function setBudget(
  ws: Workspace,
  budget: BudgetLine,
  previous?: BudgetKey,
): Promise<StoredBudget> {
  refuseWhileMasked(ws, 'edit budgets')
  const amount = normalizeDecimal(budget.amount)
  if (toScaled(amount) <= 0n)
    fail('BAD_VALUE', `A budget of ${amount} is not above zero.`, {
      hint: 'Enter the amount the team may spend in the month, above zero.',
    })
  await checkDimension(ws, parseDimension(budget.dimension))
  const line: BudgetLine = {
    period: budget.period,
    dimension: budget.dimension,
    value: budget.value,
    currency: budget.currency,
    amount,
    thresholds: [...new Set(budget.thresholds)].sort((a, b) => a - b),
  }
  await ws.transaction(async () => {
    if (previous) await ws.run(DELETE_BUDGET_SQL, keyValues(previous))
    await upsert(ws, line)
    await ws.audit('budget.set', `${budget.period} ${budget.dimension}=${budget.value}`, {
      ...line,
      ...(previous ? { previous } : {}),
    })
  })
  const stored = (await listBudgets(ws, budget.period)).find(
    (b) => keyValues(b).join('\u0000') === keyValues(line).join('\u0000'),
  )
  if (!stored) return fail('INTERNAL', 'The budget was not stored.')
  return stored
}

/** Deletes one budget; false when there was none. */
export async function deleteBudget(ws: Workspace, key: BudgetKey): Promise<boolean> {
  refuseWhileMasked(ws, 'delete budgets')
  return ws.transaction(async () => {
    if (!(await exists(ws, key))) return false
    await ws.run(DELETE_BUDGET_SQL, keyValues(key))
    await ws.audit('budget.delete', `${key.period} ${key.dimension}=${key.value}`, key)
    return true
  })
}

/** Imports a budgets CSV's text, all or nothing; a row replaces the budget of its key. */
export async function importBudgets(
  ws: Workspace,
  text: string,
  fileName: string,
  by?: string,
): Promise<BudgetImportSummary> {
  refuseWhileMasked(ws, 'import budgets')
  const lines = parseBudgetLines(text, fileName, by)
  if (lines.length === 0)
    fail('EMPTY_FILE', `${fileName} holds no budgets.`, {
      hint: 'Add a row per budget under the header period,dimension,value,currency,amount.',
      location: { file: fileName },
    })
  for (const dimension of new Set(lines.map((l) => l.dimension)))
    await checkDimension(ws, parseDimension(dimension)).catch((cause: unknown) => {
      const line = lines.find((l) => l.dimension === dimension)?.line ?? 1
      fail('BAD_VALUE', `${fileName} line ${line}, column dimension: ${errorText(cause)}`, {
        hint: 'Write a FOCUS column name exactly as spelled (e.g. SubAccountId) or tag:<key>. Nothing was imported.',
        location: { file: fileName, line, column: 'dimension', value: dimension },
      })
    })
  return ws.transaction(async () => {
    let replaced = 0
    for (const line of lines) {
      if (await exists(ws, line)) replaced += 1
      await upsert(ws, line)
    }
    const periods = [...new Set(lines.map((l) => l.period))].sort()
    await ws.audit('budget.import', fileName, { budgets: lines.length, replaced, periods })
    return { fileName, added: lines.length - replaced, replaced }
  })
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/**
 * The budgets of `period` (all when null) as a CSV that importBudgets reads back. While
 * presentation mode is on the values are aliases and the first line says so (as a pivot
 * export does), so the file is not taken for budgets to import.
 */
export async function exportBudgets(ws: Workspace, period: string | null): Promise<string> {
  const budgets = await listBudgets(ws, period)
  const notice = maskedNotice(ws)
  if (!notice) return formatBudgetLines(budgets)
  const masked = budgets.map((b) => ({ ...b, value: maskValue(ws, b.dimension, b.value) }))
  return `Masked,${csvField(notice)}\r\n${formatBudgetLines(masked)}`
}
