/**
 * The add/edit form of a backlog item. A new item's scope is a saved view or one column's
 * value; an edited item keeps its scope (a candidate's scope is often several conditions).
 * The core checks every field; its refusal names the field and is shown here.
 */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import {
  BACKLOG_RISKS,
  BACKLOG_STATUSES,
  type BacklogInput,
  type BacklogItem,
  type BacklogScope,
} from '../../../../shared/contract/backlog'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { scopeText } from './scope-text'

const BLANK: BacklogInput = {
  title: '',
  scope: { kind: 'filter', filters: [], conditions: [] },
  owner: '',
  expectedMonthlySavings: '0',
  currency: 'USD',
  risk: 'medium',
  effort: 3,
  status: 'proposed',
  dueDate: null,
  changeDate: null,
  notes: '',
}

/** The form in a modal; `item` null adds a new item. */
export function ItemForm({ item, onClose }: { item: BacklogItem | null; onClose: () => void }) {
  const save = useAppStore((s) => s.saveBacklogItem)
  const editTask = useAppStore((s) => s.backlog.editTask)
  const views = useAppStore((s) => s.views.list)
  const refreshViews = useAppStore((s) => s.refreshViews)
  useEffect(() => void refreshViews(), [refreshViews])
  const [draft, setDraft] = useState<BacklogInput>(item ? inputOf(item) : BLANK)
  const [scopeKind, setScopeKind] = useState<'column' | 'view'>('column')
  const [column, setColumn] = useState('ResourceId')
  const [value, setValue] = useState('')
  const [view, setView] = useState<string | null>(null)
  const set = (change: Partial<BacklogInput>): void => setDraft((d) => ({ ...d, ...change }))
  const day = (text: string): string | null => (text.trim() === '' ? null : text.trim())
  const scope = (): BacklogScope => {
    if (item) return item.scope
    if (scopeKind === 'view') return { kind: 'view', view: view ?? '' }
    return {
      kind: 'filter',
      filters: [{ dimension: { kind: 'column', name: column }, op: 'in', values: [value] }],
      conditions: [],
    }
  }
  const submit = async (): Promise<void> => {
    if (await save(item?.id ?? null, { ...draft, scope: scope() })) onClose()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? `Edit item ${item.id}` : 'Add a backlog item'}
      size="lg"
    >
      <Stack gap="sm" data-testid="backlog-form">
        <TextInput
          label="Title"
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          data-testid="form-title"
        />
        {item ? (
          <Text size="sm">Scope: {scopeText(item.scope)}</Text>
        ) : (
          <Stack gap={4}>
            <SegmentedControl
              value={scopeKind}
              onChange={(v) => setScopeKind(v === 'view' ? 'view' : 'column')}
              data={[
                { value: 'column', label: 'A column’s value' },
                { value: 'view', label: 'A saved view' },
              ]}
            />
            {scopeKind === 'view' ? (
              <Select
                label="Saved view"
                data={views.map((v) => v.name)}
                value={view}
                onChange={setView}
              />
            ) : (
              <Group grow>
                <TextInput
                  label="Column (or tag:key)"
                  value={column}
                  onChange={(e) => setColumn(e.currentTarget.value)}
                />
                <TextInput
                  label="Value"
                  value={value}
                  onChange={(e) => setValue(e.currentTarget.value)}
                  data-testid="form-scope-value"
                />
              </Group>
            )}
          </Stack>
        )}
        <SimpleGrid cols={3}>
          <TextInput
            label="Owner"
            value={draft.owner}
            onChange={(e) => set({ owner: e.currentTarget.value })}
            data-testid="form-owner"
          />
          <TextInput
            label="Expected savings / month"
            value={draft.expectedMonthlySavings}
            onChange={(e) => set({ expectedMonthlySavings: e.currentTarget.value.trim() })}
            data-testid="form-savings"
          />
          <TextInput
            label="Currency"
            value={draft.currency}
            onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
          />
          <Select
            label="Risk"
            data={[...BACKLOG_RISKS]}
            value={draft.risk}
            allowDeselect={false}
            onChange={(v) => v && set({ risk: v as BacklogInput['risk'] })}
          />
          <NumberInput
            label="Effort, 1 (hours) to 5 (a quarter)"
            min={1}
            max={5}
            value={draft.effort}
            onChange={(v) => typeof v === 'number' && set({ effort: Math.round(v) })}
          />
          <Select
            label="Status"
            data={[...BACKLOG_STATUSES]}
            value={draft.status}
            allowDeselect={false}
            onChange={(v) => v && set({ status: v as BacklogInput['status'] })}
            data-testid="form-status"
          />
          <TextInput
            label="Due (YYYY-MM-DD)"
            value={draft.dueDate ?? ''}
            onChange={(e) => set({ dueDate: day(e.currentTarget.value) })}
          />
          <TextInput
            label="Changed on (YYYY-MM-DD)"
            description="The baseline ends here"
            value={draft.changeDate ?? ''}
            onChange={(e) => set({ changeDate: day(e.currentTarget.value) })}
            data-testid="form-change-date"
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          value={draft.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          autosize
          minRows={2}
        />
        {editTask.status === 'failed' && editTask.error ? (
          <ErrorAlert error={editTask.error} title="The item was not saved" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => void submit()}
            loading={editTask.status === 'running'}
            data-testid="form-save"
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function inputOf(item: BacklogItem): BacklogInput {
  const { title, scope, owner, expectedMonthlySavings, currency, risk, effort } = item
  const { status, dueDate, changeDate, notes } = item
  return {
    title,
    scope,
    owner,
    expectedMonthlySavings,
    currency,
    risk,
    effort,
    status,
    dueDate,
    changeDate,
    notes,
  }
}
