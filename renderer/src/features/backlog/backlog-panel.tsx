/**
 * The Backlog tab of the Savings screen (issue 13, "Cost-debt backlog"): the items by priority
 * (expected monthly savings ÷ effort) with an add/edit form and a CSV export; the candidates
 * proposed from the data with their evidence and Accept; realized savings per done item with
 * the burn-down. Every figure with rows behind it opens them in the Rows drawer.
 */
import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { BacklogItem } from '../../../../shared/contract/backlog'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadBlob } from '../mapping/download'
import { useEditLock } from '../presentation/edit-lock'
import { BacklogTable } from './backlog-table'
import { CandidatesList } from './candidates-list'
import { ItemForm } from './item-form'
import { RealizedList } from './realized-list'

/** The Backlog tab. */
export function BacklogPanel() {
  const backlog = useAppStore((s) => s.backlog)
  const load = useAppStore((s) => s.loadBacklog)
  const lock = useEditLock()
  const csv = useAppStore((s) => s.backlogCsv)
  const setDays = useAppStore((s) => s.setBacklogBaselineDays)
  const [editing, setEditing] = useState<BacklogItem | 'new' | null>(null)
  const refreshViews = useAppStore((s) => s.refreshViews)
  useEffect(() => void load(), [load])
  // An item scoped by a saved view opens the view's rows.
  useEffect(() => void refreshViews(), [refreshViews])
  const { task, editTask } = backlog
  const busy = task.status === 'running' || task.status === 'idle' || editTask.status === 'running'
  const exportCsv = (): void =>
    void csv().then((file) =>
      downloadBlob(file.fileName, new Blob([file.text], { type: 'text/csv' })),
    )
  return (
    <Stack gap="lg" data-testid="backlog-panel" aria-busy={busy}>
      {task.status === 'failed' && task.error ? (
        <ErrorAlert error={task.error} title="The backlog could not be read" />
      ) : null}
      {editTask.status === 'failed' && editTask.error && editing === null ? (
        <ErrorAlert error={editTask.error} title="The backlog was not changed" />
      ) : null}
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Backlog by priority</Title>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={exportCsv} data-testid="backlog-export">
              Export CSV
            </Button>
            <Button
              size="xs"
              onClick={() => setEditing('new')}
              data-testid="backlog-add"
              {...lock()}
            >
              Add item
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Priority is expected monthly savings ÷ effort (1 hours … 5 a quarter), in the item’s
          currency; open items first, then done, then rejected.
        </Text>
        <BacklogTable
          items={backlog.items}
          realized={backlog.realized}
          onEdit={(item) => setEditing(item)}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={4}>Candidates from the data</Title>
        {backlog.candidates ? <CandidatesList found={backlog.candidates} busy={busy} /> : null}
      </Stack>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>Realized savings and burn-down</Title>
          <NumberInput
            label="Baseline days"
            w={140}
            min={1}
            max={366}
            value={backlog.baselineDays}
            onChange={(v) => typeof v === 'number' && v >= 1 && void setDays(Math.round(v))}
          />
        </Group>
        {backlog.realized ? <RealizedList realized={backlog.realized} /> : null}
      </Stack>
      {editing ? (
        <ItemForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  )
}
