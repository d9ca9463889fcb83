/**
 * The pivot's filters as chips (issue 9, Filters): one per values filter and per condition,
 * each with a readable label; clicking a chip reopens it in the editor, × removes it, "Clear
 * all" removes every one, and "Add filter" opens the editor on a new rule.
 */
import { Badge, Button, CloseButton, Group, Text, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import type { PivotSpec } from '../../../../shared/pivot'
import { useAppStore } from '../../state/store-context'
import {
  conditionText,
  draftOf,
  filterText,
  removeRule,
  type FilterDraft,
  type RuleRef,
} from './filter-draft'
import { FilterEditor } from './filter-editor'

export { filterText } from './filter-draft'

/** Every rule of the spec with its label, values filters first. */
export function chipsOf(spec: PivotSpec): Array<{ ref: RuleRef; text: string }> {
  return [
    ...spec.filters.map((f, index) => ({
      ref: { list: 'filters' as const, index },
      text: filterText(f),
    })),
    ...(spec.conditions ?? []).map((c, index) => ({
      ref: { list: 'conditions' as const, index },
      text: conditionText(c),
    })),
  ]
}

/** The chips under the builder, with "Add filter" and "Clear all". */
export function FilterChips() {
  const spec = useAppStore((s) => s.spec)
  const updateSpec = useAppStore((s) => s.updateSpec)
  const [editor, setEditor] = useState<{
    editing: RuleRef | null
    draft: FilterDraft | null
  } | null>(null)
  const chips = chipsOf(spec)
  return (
    <Group gap="xs" mt="sm" data-testid="filter-chips">
      <Text size="sm" c="dimmed">
        Filters
      </Text>
      {chips.map(({ ref, text }) => (
        // A badge with its own buttons: Mantine's Pill hides its remove button from keyboards and screen readers.
        <Badge
          key={`${ref.list}:${ref.index}:${text}`}
          variant="light"
          tt="none"
          size="lg"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={`Remove filter ${text}`}
              onClick={() => updateSpec(removeRule(spec, ref))}
            />
          }
          data-testid="filter-chip"
        >
          <UnstyledButton
            fz="inherit"
            fw="inherit"
            c="inherit"
            aria-label={`Edit filter ${text}`}
            onClick={() => setEditor({ editing: ref, draft: draftOf(spec, ref) })}
          >
            {text}
          </UnstyledButton>
        </Badge>
      ))}
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => setEditor({ editing: null, draft: null })}
        data-testid="add-filter"
      >
        Add filter
      </Button>
      {chips.length > 0 ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          onClick={() => updateSpec({ filters: [], conditions: [] })}
          data-testid="clear-filters"
        >
          Clear all
        </Button>
      ) : null}
      {editor ? (
        <FilterEditor
          key={JSON.stringify(editor.editing)}
          initial={editor.draft}
          editing={editor.editing}
          onClose={() => setEditor(null)}
        />
      ) : null}
    </Group>
  )
}
