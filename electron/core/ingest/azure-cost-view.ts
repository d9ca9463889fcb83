/**
 * Azure cost details come as two exports of the same schema: actual cost (what is invoiced,
 * commitment purchases included) and amortized cost (commitment cost spread over the usage it
 * covered). Each Azure import is told one or the other from its rows (reference/mappings.md §1),
 * or by the user when its rows do not tell. The two views of one period then neither restate
 * nor duplicate each other (delivery-identity-sql.ts) and merge in the focus view (focus-view.ts):
 * all amortized rows, plus the actual export's commitment purchases and refunds
 * (finops-toolkit convert.md, reference/mappings.md §3).
 */
import { fail, type AzureCostView, type CostViewFacts } from '../../../shared/contract'
import { refreshFocusView } from '../workspace/focus-view'
import type { Row, Workspace } from '../workspace/workspace'
import {
  COST_VIEW_EVIDENCE_SQL,
  INSERT_COST_VIEW_SQL,
  costViewFactsSql,
} from './azure-cost-view-sql'

/** What an import's rows say: one view, both (contradicting rows), or nothing (no commitment rows). */
export type CostViewEvidence = AzureCostView | 'contradicting' | 'none'

/** Reads what import `importId`'s stored rows say about the export they came from. */
export async function costViewEvidence(ws: Workspace, importId: number): Promise<CostViewEvidence> {
  const [row] = await ws.all(COST_VIEW_EVIDENCE_SQL, [importId])
  const prepaid = Number(row?.prepaid ?? 0)
  const amortized = Number(row?.amortized ?? 0)
  if (prepaid > 0 && amortized > 0) return 'contradicting'
  if (amortized > 0) return 'amortized'
  // Covered usage at cost 0 is the actual export's way of showing usage a commitment paid for.
  if (prepaid > 0 || Number(row?.covered_at_zero ?? 0) > 0) return 'actual'
  return 'none'
}

/**
 * Settles and records the cost view of Azure import `importId` (rows stored, transaction open):
 * its rows' view, else the user's `chosen` one. Returns null for a file without commitment rows
 * and no choice: both views of it are the same rows, so it is recorded without one (and asked
 * about only if it meets the other view's rows, refuseUnsaidCostView). Contradicting rows
 * without a choice are refused with AZURE_COST_VIEW.
 */
export async function settleCostView(
  ws: Workspace,
  importId: number,
  fileName: string,
  chosen?: AzureCostView,
): Promise<AzureCostView | null> {
  const evidence = await costViewEvidence(ws, importId)
  const told = evidence === 'actual' || evidence === 'amortized' ? evidence : undefined
  const view = told ?? chosen
  if (view === undefined && evidence === 'contradicting')
    fail(
      'AZURE_COST_VIEW',
      `${fileName} is an Azure cost details export that Focal cannot tell as actual or amortized cost: it has commitment purchases (only the actual export has them) and amortized commitment usage (only the amortized export has it); nothing was added.`,
      costViewAdvice(fileName),
    )
  if (view === undefined) return null
  await ws.run(INSERT_COST_VIEW_SQL, [importId, view, told ? 'data' : 'user'])
  // The first import of the second view turns the merge on (rolled back with the import).
  await refreshFocusView(ws)
  await ws.audit('import.cost-view', fileName, {
    importId,
    costView: view,
    chosenBy: told ? 'data' : 'user',
  })
  return view
}

/**
 * Refuses an Azure file whose rows do not tell its view when it shares rows with an earlier
 * import of a known view: as actual it merges with an amortized import, as amortized it
 * restates one, and only the user knows which.
 */
export function refuseUnsaidCostView(
  fileName: string,
  earlier: { importId: number; fileName: string; costView: AzureCostView },
): never {
  return fail(
    'AZURE_COST_VIEW',
    `${fileName} is an Azure cost details export with no commitment rows, so Focal cannot tell whether it is the actual or the amortized cost export, and it shares rows with import #${earlier.importId} (${earlier.fileName}, ${earlier.costView} cost) of the same period; nothing was added.`,
    costViewAdvice(fileName),
  )
}

function costViewAdvice(fileName: string): Parameters<typeof fail>[2] {
  return {
    hint: 'Import it again saying which export it is: in the app choose Actual cost or Amortized cost; with the CLI, focal import --azure-cost-view actual|amortized.',
    location: { file: fileName },
    details: { choices: ['actual', 'amortized'] },
  }
}

/** The cost view facts of one Azure import, or of every one (`all`), keyed by import id. */
export async function readCostViewFacts(
  ws: Workspace,
  which: number | 'all',
  connection = ws.writer,
): Promise<Map<number, CostViewFacts>> {
  const rows = await ws.all(
    costViewFactsSql(which === 'all' ? '' : 'v.import_id = $1'),
    which === 'all' ? [] : [which],
    connection,
  )
  return new Map(rows.map((row) => [Number(row.import_id), toFacts(row)]))
}

function toFacts(row: Row): CostViewFacts {
  return {
    view: row.cost_view === 'amortized' ? 'amortized' : 'actual',
    chosenBy: row.chosen_by === 'user' ? 'user' : 'data',
    mergedWith: Array.isArray(row.merged_with) ? row.merged_with.map(Number) : [],
    rowsNotCounted: Number(row.rows_not_counted ?? 0),
  }
}
