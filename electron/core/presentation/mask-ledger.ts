/**
 * Presentation mode on the weekly ledger: its figures are read through the masked view
 * (ledger-week.ts reads on a reader), so a mover's value is an alias. An explanation or a
 * sign-off sent for that alias is stored under the real value here, so it is found again with
 * the mode off (and, masked, under the same alias: explanations.ts readExplanations).
 */
import { fail } from '../../../shared/contract'
import { resolveLedgerBy } from '../ledger/ledger-dimension'
import type { Workspace } from '../workspace/workspace'
import { isMasked } from './presentation-mode'
import { unmaskValue } from './mask-values'

/** `request` with its mover's value made real again while the mode is on. */
export async function realMover<T extends { by?: string | undefined; value: string | null }>(
  ws: Workspace,
  request: T,
): Promise<T> {
  if (!isMasked(ws) || request.value === null) return request
  const { label } = await resolveLedgerBy(ws, request.by)
  const value = await unmaskValue(ws, label, request.value)
  if (value === null)
    fail('NOT_FOUND', `No ${label} of the cost rows is shown as ${request.value}.`, {
      hint: 'Open the week again: the rows may have changed since the ledger was read.',
    })
  return { ...request, value }
}
