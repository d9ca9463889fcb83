/**
 * The read API of the Contract Commitment dataset: every commitment still
 * counted (a restatement's earlier rows are left out), for the What's loaded
 * screen, `focal commitments list` and the expiries view. In presentation mode a
 * commitment's id goes out as the alias the cost rows' CommitmentDiscountId shows, so its
 * figures and its term still meet, and its description with stored values masked.
 */
import type { CommitmentList } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { maskValue } from '../presentation/mask-values'
import { maskTexts } from '../presentation/mask-text'
import type { Workspace } from '../workspace/workspace'
import { COMMITMENT_TOTALS_SQL, LIST_COMMITMENTS_SQL } from './commitments-sql'

/** Lists the counted commitments, by start then id, with count and cost per currency. */
export async function listCommitments(ws: Workspace): Promise<CommitmentList> {
  const connection = await ws.reader()
  try {
    const rows = await ws.all(LIST_COMMITMENTS_SQL, [], connection)
    const totals = await ws.all(COMMITMENT_TOTALS_SQL, [], connection)
    const text = (value: unknown): string | null => (value == null ? null : String(value))
    const decimal = (value: unknown): string | null =>
      value == null ? null : normalizeDecimal(String(value))
    const descriptions = await maskTexts(
      ws,
      rows.map((r) => String(r.description ?? '')),
    )
    return {
      commitments: rows.map((r, i) => ({
        id: maskValue(ws, 'CommitmentDiscountId', String(r.id)),
        contractId: text(r.contract_id),
        category: text(r.category),
        type: text(r.type),
        description: r.description == null ? null : (descriptions[i] ?? null),
        start: text(r.start),
        end: text(r.end),
        cost: decimal(r.cost),
        currency: text(r.currency),
        quantity: decimal(r.quantity),
        unit: text(r.unit),
        importId: Number(r.import_id),
        fileName: String(r.file_name),
      })),
      totals: totals.map((t) => ({
        currency: text(t.currency),
        commitments: Number(t.n),
        cost: normalizeDecimal(String(t.cost)),
      })),
    }
  } finally {
    connection.closeSync()
  }
}
