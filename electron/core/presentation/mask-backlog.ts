/**
 * Presentation mode on the cost-debt backlog: items are stored with the real values of the
 * rows they were made from (a candidate's title, source key and scope). While the mode is on
 * they go out masked (mask-text.ts), and no item is added, changed or accepted: an item made
 * from what the screen shows would be stored with aliases, which match no rows once the mode is
 * off. A person's own owner and notes are masked too, where they name a stored value.
 */
import type { BacklogItem, Realized } from '../../../shared/contract/backlog'
import { fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { csvField } from '../report/csv'
import { isMasked, maskedNotice } from './presentation-mode'
import { maskFilters, maskTexts } from './mask-text'

/** Refuses a change to the backlog while the mode is on, saying what to do. */
export function refuseBacklogChange(ws: Workspace): void {
  if (isMasked(ws))
    fail('BAD_REQUEST', 'Turn presentation mode off to change the backlog.', {
      hint: 'Backlog items are kept with the real account, resource and tag values, which presentation mode hides. Switch Present off, make the change, then switch it on again.',
    })
}

/** `items` as the mode shows them (themselves when it is off). */
export async function maskItems(ws: Workspace, items: BacklogItem[]): Promise<BacklogItem[]> {
  if (!isMasked(ws)) return items
  const texts = await maskTexts(
    ws,
    items.flatMap((i) => [i.title, i.owner, i.notes, i.source ?? '']),
  )
  return items.map((item, n) => {
    const [title = '', owner = '', notes = '', source = ''] = texts.slice(n * 4, n * 4 + 4)
    return {
      ...item,
      title,
      owner,
      notes,
      source: item.source === null ? null : source,
      scope:
        item.scope.kind === 'filter'
          ? { ...item.scope, filters: maskFilters(ws, item.scope.filters) }
          : item.scope,
    }
  })
}

/** Realized savings as the mode shows them: the items' titles masked (their rows already are). */
export async function maskRealized(ws: Workspace, realized: Realized): Promise<Realized> {
  if (!isMasked(ws)) return realized
  const titles = await maskTexts(
    ws,
    realized.items.map((i) => i.title),
  )
  return {
    ...realized,
    items: realized.items.map((item, n) => ({ ...item, title: titles[n] ?? item.title })),
  }
}

/** A CSV's text with a first line saying Masked while the mode is on, as a pivot export has. */
export function statedMasked(ws: Workspace, csv: string): string {
  const notice = maskedNotice(ws)
  return notice ? `Masked,${csvField(notice)}\r\n${csv}` : csv
}
