/** An item's scope in words, as the form and the table state it. */
import type { BacklogScope } from '../../../../shared/contract/backlog'
import { dimensionLabel } from '../../../../shared/pivot'

/** "Saved view X", or each filter and condition ("ResourceId in vm-1; tag team missing"). */
export function scopeText(scope: BacklogScope): string {
  if (scope.kind === 'view') return `Saved view ${scope.view}`
  const parts = [
    ...scope.filters.map(
      (f) =>
        `${dimensionLabel(f.dimension)} ${f.op === 'in' ? 'in' : 'not in'} ${f.values.map((v) => v ?? '(none)').join(', ')}`,
    ),
    ...scope.conditions.map((c) => {
      if (c.op === 'tagMissing') return `tag ${c.key} missing`
      if (c.op === 'tagPresent') return `tag ${c.key} present`
      if (c.op === 'range') return `${c.column} ${c.min ?? ''}…${c.max ?? ''}`
      if (c.op === 'dates') return `${c.column} ${c.start ?? ''}…${c.end ?? ''}`
      return `${dimensionLabel(c.dimension)} ${c.op} ${c.text}`
    }),
  ]
  return parts.length ? parts.join('; ') : 'All cost'
}
