/**
 * The month's state on the Reports screen: Open, Closed (when, by whom, why)
 * or Reopened, the button to close or reopen it with a note, and the packs of
 * this kind exported for the month, each saying plainly whether it still
 * matches the data. A showback pack is never listed under chargeback.
 */
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CloseRecordInfo, PeriodEntryInfo } from '../../../../shared/contract'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

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

function PackList({ entry, kind }: { entry: PeriodEntryInfo | undefined; kind: string }) {
  const packs = (entry?.packs ?? []).filter((p) => p.kind === kind)
  if (packs.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No {kind} pack of this month has been exported yet.
      </Text>
    )
  return (
    <Table fz="sm" data-testid="month-packs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Exported</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Made from</Table.Th>
          <Table.Th>Files</Table.Th>
          <Table.Th>Data fingerprint</Table.Th>
          <Table.Th>Matches the data?</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {packs.map((p) => (
          <Table.Tr
            key={`${p.at}-${p.dataFingerprint}`}
            data-testid="month-pack"
            data-current={String(p.current)}
          >
            <Table.Td>{when(p.at)}</Table.Td>
            <Table.Td>{p.actor}</Table.Td>
            <Table.Td>
              {p.metric} by {p.groupedBy}
              {p.ruleVersion ? `, rules ${p.ruleVersion}` : ''}
            </Table.Td>
            <Table.Td title={p.files.map((f) => `${f.path}  ${f.sha256}`).join('\n')}>
              {p.files.length}
            </Table.Td>
            <Table.Td ff="monospace" title={p.dataFingerprint}>
              {p.dataFingerprint.slice(0, 12)}…
            </Table.Td>
            <Table.Td>
              {p.current ? (
                <Text size="sm" c="teal.9">
                  Yes
                </Text>
              ) : (
                <Text size="sm" c="red.8" fw={600}>
                  No: the data changed since this pack was made
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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
        {report.kind === 'showback' ? 'Showback' : 'Chargeback'} packs of {report.period}
      </Title>
      <PackList entry={entry} kind={report.kind} />
    </Stack>
  )
}
