/**
 * The month's state on the Reports screen: Open, Closed (when, by whom, why)
 * or Reopened, the button to close or reopen it with a note, and the packs of
 * the chosen kind exported from the workspace (pack-list.tsx).
 */
import { Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CloseRecordInfo, PeriodEntryInfo } from '../../../../shared/contract'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { PackList } from './pack-list'

const when = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`

function describe(record: CloseRecordInfo, verb: string): string {
  return `${verb} on ${when(record.at)} by ${record.actor}: “${record.note}”`
}

function StateLine({ entry }: { entry: PeriodEntryInfo | undefined }) {
  if (!entry || entry.state === 'open' || !entry.close)
    return (
      <Group gap="xs">
        <Badge color="gray" variant="light" data-testid="month-state-badge">
          Open
        </Badge>
        <Text size="sm" c="dimmed">
          Imports may still change this month's figures.
        </Text>
      </Group>
    )
  if (entry.state === 'closed')
    return (
      <Stack gap={2}>
        <Group gap="xs">
          <Badge color="teal" data-testid="month-state-badge">
            Closed
          </Badge>
          <Text size="sm">{describe(entry.close, 'Closed')}</Text>
        </Group>
        {entry.inputsChanged ? (
          <Text size="sm" c="red.8" fw={600} data-testid="month-inputs-changed">
            The rules, mappings or tag aliases this close was made with have changed since, so this
            month's figures would differ now. Reopen it and close it again to record them.
          </Text>
        ) : null}
      </Stack>
    )
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color="orange" data-testid="month-state-badge">
          Reopened
        </Badge>
        <Text size="sm">{entry.reopen ? describe(entry.reopen, 'Reopened') : ''}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {describe(entry.close, 'Closed')}. The next pack states the changes since the close.
      </Text>
    </Stack>
  )
}

/** The month-close card content. */
export function MonthClosePanel() {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const report = useAppStore((s) => s.report)
  const jobState = useAppStore((s) => s.reportJob?.state)
  const periods = useAppStore((s) => s.periods)
  const load = useAppStore((s) => s.loadPeriods)
  const closeMonth = useAppStore((s) => s.closeMonth)
  const reopenMonth = useAppStore((s) => s.reopenMonth)
  const [note, setNote] = useState('')
  // Read again when data changes (an import) and when a pack was written (it is listed).
  useEffect(() => {
    if (workspace) void load()
  }, [workspace, dataVersion, jobState, load])
  if (!report.period) return null
  const entry = periods.list.find((p) => p.period === report.period)
  const closed = entry?.state === 'closed'
  const busy = periods.action.status === 'running'
  const submit = async (): Promise<void> => {
    const done = closed ? await reopenMonth(note.trim()) : await closeMonth(note.trim())
    if (done) setNote('')
  }
  return (
    <Stack
      gap="sm"
      data-testid="month-close"
      data-state={entry?.state ?? 'open'}
      aria-busy={busy || periods.task.status === 'running'}
    >
      <Title order={4}>Month {report.period}</Title>
      <StateLine entry={entry} />
      <Group align="end" gap="sm">
        <TextInput
          label={closed ? 'Why reopen it' : 'Why close it'}
          placeholder={closed ? 'e.g. a late AWS credit' : 'e.g. September signed off by finance'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          w={420}
          maxLength={1000}
          data-testid="month-note"
        />
        <Button
          onClick={() => void submit()}
          disabled={!note.trim()}
          loading={busy}
          color={closed ? 'orange' : 'teal'}
          data-testid={closed ? 'reopen-month' : 'close-month'}
        >
          {closed ? 'Reopen month' : 'Close month'}
        </Button>
      </Group>
      {!closed ? (
        <Text size="xs" c="dimmed">
          Closing records this month's figures as this screen's preview makes them ({report.metric}
          ), the rule version and the last pack's files; an import with rows in a closed month is
          refused until it is reopened.
        </Text>
      ) : null}
      {periods.action.status === 'failed' && periods.action.error ? (
        <ErrorAlert error={periods.action.error} title="The month's state did not change" />
      ) : null}
      <Title order={5}>
        {report.kind === 'showback' ? 'Showback' : 'Chargeback'} packs exported from this workspace
      </Title>
      <PackList packs={periods.list.flatMap((p) => p.packs)} kind={report.kind} />
    </Stack>
  )
}
