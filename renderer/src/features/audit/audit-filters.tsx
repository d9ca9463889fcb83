/** The audit trail's filters: UTC days, an action or its family, words in any field. */
import { Button, Group, Select, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { AuditFilterRequest } from '../../../../shared/contract/audit'
import { useAppStore } from '../../state/store-context'

/** The actions of the log with their families (import for import.*), for the kind list. */
function kindOptions(actions: readonly string[]): string[] {
  const families = new Set(actions.map((a) => a.split('.')[0] ?? a))
  return [...new Set([...families, ...actions])].sort()
}

/** Filter fields; Apply (or Enter) reads the log again from its newest entry. */
export function AuditFilters() {
  const filter = useAppStore((s) => s.audit.filter)
  // The page itself, not a new array per read: a fresh [] each time would re-render forever.
  const page = useAppStore((s) => s.audit.page)
  const load = useAppStore((s) => s.loadAudit)
  const [draft, setDraft] = useState<AuditFilterRequest>(filter)
  const set = (key: keyof AuditFilterRequest, value: string | null): void =>
    setDraft((d) => {
      const next = { ...d }
      if (value) next[key] = value
      else delete next[key]
      return next
    })
  const apply = (): void => void load(draft, 0)
  const onEnter = (e: React.KeyboardEvent): void => {
    if (e.key === 'Enter') apply()
  }
  return (
    <Group align="end" gap="sm" wrap="wrap">
      <TextInput
        type="date"
        label="From (UTC)"
        value={draft.from ?? ''}
        onChange={(e) => set('from', e.currentTarget.value)}
        onKeyDown={onEnter}
        data-testid="audit-from"
      />
      <TextInput
        type="date"
        label="To (UTC)"
        value={draft.to ?? ''}
        onChange={(e) => set('to', e.currentTarget.value)}
        onKeyDown={onEnter}
        data-testid="audit-to"
      />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        searchable
        data={kindOptions(page?.actions ?? [])}
        value={draft.kind ?? null}
        onChange={(value) => set('kind', value)}
        w={220}
        data-testid="audit-kind"
      />
      <TextInput
        label="Contains"
        placeholder="file, user, period…"
        value={draft.text ?? ''}
        onChange={(e) => set('text', e.currentTarget.value)}
        onKeyDown={onEnter}
        w={240}
        data-testid="audit-text"
      />
      <Button onClick={apply} data-testid="audit-apply">
        Apply
      </Button>
      <Button
        variant="subtle"
        color="gray"
        onClick={() => {
          setDraft({})
          void load({}, 0)
        }}
      >
        Clear
      </Button>
    </Group>
  )
}
