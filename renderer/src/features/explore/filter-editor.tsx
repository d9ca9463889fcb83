/**
 * Explore's filter editor (issue 9, Filters): pick a column or tag key, then include or exclude
 * values from a searchable list with counts, match text, bound a number or a date, or ask for a
 * tag to be present or missing. Opened by "Add filter" and by clicking a chip to edit it.
 */
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import type { Catalog } from '../../../../shared/contract'
import { useAppStore } from '../../state/store-context'
import {
  applyDraft,
  draftProblem,
  TEXT_OPS,
  type FilterDraft,
  type RuleRef,
  type TextOp,
} from './filter-draft'
import { FilterValues } from './filter-values'
import { dimensionOptions } from './pivot-builder'

type Mode = FilterDraft['mode']

const MODE_LABELS: Record<Mode, string> = {
  values: 'Values',
  text: 'Text match',
  range: 'Range',
  dates: 'Dates',
  tag: 'Tag present',
}

const NUMERIC = new Set(['decimal', 'number'])

/** The ways `dimension` can be filtered, the first being the default. */
export function modesOf(catalog: Catalog | null, dimension: string): Mode[] {
  if (dimension.startsWith('tag:')) return ['values', 'text', 'tag']
  const type = catalog?.columns.find((c) => c.name === dimension)?.type
  if (type && NUMERIC.has(type)) return ['range']
  if (type === 'datetime') return ['values', 'text', 'dates']
  return ['values', 'text']
}

/** Columns and tags to filter on: the group-by choices plus the amounts and quantities. */
function filterOptions(catalog: Catalog | null): { group: string; items: string[] }[] {
  const numeric = (catalog?.columns ?? [])
    .filter((c) => NUMERIC.has(c.type))
    .map((c) => c.name)
    .sort()
  const groups = dimensionOptions(catalog)
  return numeric.length ? [...groups, { group: 'Amounts and quantities', items: numeric }] : groups
}

/** A fresh draft of `mode` on `dimension`, keeping what carries over (a text, a value list). */
function draftFor(mode: Mode, dimension: string, from: FilterDraft | null): FilterDraft {
  switch (mode) {
    case 'values':
      return { mode, dimension, op: from?.mode === 'values' ? from.op : 'in', values: [] }
    case 'text':
      return { mode, dimension, op: 'contains', text: from?.mode === 'text' ? from.text : '' }
    case 'range':
      return { mode, dimension, min: '', max: '' }
    case 'dates':
      return { mode, dimension, start: '', end: '' }
    case 'tag':
      return { mode, dimension, present: true }
  }
}

/** The editor dialog; `editing` is the chip's rule, null for a new one. */
export function FilterEditor({
  initial,
  editing,
  onClose,
}: {
  initial: FilterDraft | null
  editing: RuleRef | null
  onClose: () => void
}) {
  const catalog = useAppStore((s) => s.catalog)
  const spec = useAppStore((s) => s.spec)
  const updateSpec = useAppStore((s) => s.updateSpec)
  const [draft, setDraft] = useState<FilterDraft | null>(initial)
  const dimension = draft?.dimension ?? ''
  const modes = dimension ? modesOf(catalog, dimension) : []
  const problem = draft ? draftProblem(draft) : 'Choose a column or tag.'
  const choose = (next: string | null): void => {
    if (!next) return
    const allowed = modesOf(catalog, next)
    const mode = draft && allowed.includes(draft.mode) ? draft.mode : allowed[0]!
    setDraft(draftFor(mode, next, draft?.dimension === next ? draft : null))
  }
  const apply = (): void => {
    if (!draft || problem) return
    updateSpec(applyDraft(spec, draft, editing))
    onClose()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? 'Edit filter' : 'Add filter'}
      size="lg"
      data-testid="filter-editor"
    >
      <Stack gap="sm">
        <Select
          label="Column or tag"
          data={filterOptions(catalog)}
          value={dimension || null}
          onChange={choose}
          searchable
          allowDeselect={false}
          placeholder="Choose what to filter on"
          data-testid="filter-dimension"
          comboboxProps={{ withinPortal: true, zIndex: 400 }}
        />
        {draft && modes.length > 1 ? (
          <SegmentedControl
            value={draft.mode}
            onChange={(mode) => setDraft(draftFor(mode as Mode, dimension, draft))}
            data={modes.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            data-testid="filter-mode"
          />
        ) : null}
        {draft ? <DraftFields draft={draft} onChange={setDraft} /> : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed" data-testid="filter-problem">
            {problem ?? ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={apply} disabled={problem !== null} data-testid="filter-apply">
              Apply
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The fields of the draft's mode. */
function DraftFields({
  draft,
  onChange,
}: {
  draft: FilterDraft
  onChange: (draft: FilterDraft) => void
}) {
  const spec = useAppStore((s) => s.spec)
  switch (draft.mode) {
    case 'values':
      return (
        <Stack gap="xs">
          <SegmentedControl
            value={draft.op}
            onChange={(op) => onChange({ ...draft, op: op as 'in' | 'notIn' })}
            data={[
              { value: 'in', label: 'Keep only these' },
              { value: 'notIn', label: 'Leave these out' },
            ]}
            data-testid="filter-op"
          />
          <FilterValues
            spec={spec}
            dimension={draft.dimension}
            selected={draft.values}
            onChange={(values) => onChange({ ...draft, values })}
          />
        </Stack>
      )
    case 'text':
      return (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label="Match"
            data={TEXT_OPS.map((o) => ({ value: o.value, label: o.label }))}
            value={draft.op}
            onChange={(op) => op && onChange({ ...draft, op: op as TextOp })}
            allowDeselect={false}
            w={150}
            data-testid="filter-text-op"
            comboboxProps={{ withinPortal: true, zIndex: 400 }}
          />
          <TextInput
            label="Text (any case)"
            value={draft.text}
            onChange={(e) => onChange({ ...draft, text: e.currentTarget.value })}
            style={{ flex: 1 }}
            data-testid="filter-text"
          />
        </Group>
      )
    case 'range':
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label="At least"
            placeholder="No minimum"
            value={draft.min}
            onChange={(e) => onChange({ ...draft, min: e.currentTarget.value })}
            data-testid="filter-min"
          />
          <TextInput
            label="At most"
            placeholder="No maximum"
            value={draft.max}
            onChange={(e) => onChange({ ...draft, max: e.currentTarget.value })}
            data-testid="filter-max"
          />
          <Text size="xs" c="dimmed" mt={28}>
            Both ends included; exact decimals, per row.
          </Text>
        </Group>
      )
    case 'dates':
      return (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            type="date"
            label="From"
            value={draft.start}
            onChange={(e) => onChange({ ...draft, start: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="Before (exclusive)"
            value={draft.end}
            onChange={(e) => onChange({ ...draft, end: e.currentTarget.value })}
          />
        </Group>
      )
    case 'tag':
      return (
        <SegmentedControl
          value={draft.present ? 'present' : 'missing'}
          onChange={(v) => onChange({ ...draft, present: v === 'present' })}
          data={[
            { value: 'present', label: 'Rows that have this tag' },
            { value: 'missing', label: 'Rows without this tag' },
          ]}
          data-testid="filter-tag"
        />
      )
  }
}
