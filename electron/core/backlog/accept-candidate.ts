/**
 * Accepting a candidate into the backlog in one step: the candidate is proposed again from the
 * data (the caller names it only by its key), and an item is added with its scope, suggested
 * savings and evidence prefilled, marked with the candidate's key. A candidate already accepted
 * gives back its item.
 */
import { fail } from '../../../shared/contract'
import type {
  BacklogCandidate,
  BacklogInput,
  BacklogItem,
  CandidatesRequest,
} from '../../../shared/contract/backlog'
import type { Workspace } from '../workspace/workspace'
import { addItem, getItem } from './backlog-items'
import { listCandidates } from './candidates'

// Commitments need a purchase decision; deleting an idle resource may break something unseen.
const PRESETS: Readonly<Record<BacklogCandidate['kind'], Pick<BacklogInput, 'risk' | 'effort'>>> = {
  'unused-commitment': { risk: 'medium', effort: 3 },
  'week-growth': { risk: 'low', effort: 2 },
  untagged: { risk: 'low', effort: 1 },
  idle: { risk: 'medium', effort: 2 },
}

/** Adds the candidate `key` as a proposed item owned by `owner` (default "unassigned"). */
export async function acceptCandidate(
  ws: Workspace,
  key: string,
  owner = 'unassigned',
  request: CandidatesRequest = {},
): Promise<BacklogItem> {
  // One turn of the writer: the same candidate accepted twice at once gives one item.
  return ws.exclusive(async () => {
    const found = await listCandidates(ws, request)
    const c = found.candidates.find((x) => x.key === key)
    if (!c)
      fail('NOT_FOUND', `No candidate ${key} in the data now.`, {
        hint: 'List the candidates again (focal backlog candidates): the data or the threshold may have changed.',
      })
    if (c.itemId !== null) return getItem(ws, c.itemId)
    return addItem(
      ws,
      {
        title: c.title.slice(0, 200),
        scope: c.scope,
        owner,
        expectedMonthlySavings: c.expectedMonthlySavings,
        currency: c.currency,
        ...PRESETS[c.kind],
        status: 'proposed',
        dueDate: null,
        changeDate: null,
        notes: c.evidence,
      },
      c.key,
    )
  })
}
