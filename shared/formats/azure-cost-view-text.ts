/**
 * The sentence that says how an Azure cost details import counts (electron/core/ingest/
 * azure-cost-view.ts): which export it is, and what the merge with the other export of the
 * same period takes from it. One wording for the app and the `focal` command.
 */
import type { CostViewFacts } from '../contract'

/** Describes an Azure import's cost view and its merge with the other view, in one or two sentences. */
export function describeCostView(facts: CostViewFacts): string {
  const how = facts.chosenBy === 'user' ? 'as you said' : 'told from its rows'
  const ids = facts.mergedWith.map((id) => `#${id}`).join(', ')
  const plural = facts.mergedWith.length === 1 ? '' : 's'
  if (facts.view === 'amortized')
    return facts.mergedWith.length === 0
      ? `Amortized cost export (${how}).`
      : `Amortized cost export (${how}); counted with the commitment purchases and refunds of the actual export${plural} of the same period (import ${ids}).`
  if (facts.mergedWith.length === 0) return `Actual cost export (${how}).`
  const rows = `${facts.rowsNotCounted.toLocaleString('en-US')} row${facts.rowsNotCounted === 1 ? '' : 's'}`
  return `Actual cost export (${how}): only its commitment purchases and refunds are counted; its other ${rows} are counted from the amortized export${plural} of the same period (import ${ids}).`
}
