/** What happened to each file of the last import: stored and reconciled, a duplicate, or why it failed. */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { adviceFor, describeLocation } from '../../components/error-alert'
import type { FileOutcome } from '../../state/import-slice'
import { useAppStore } from '../../state/store-context'

function Outcome({ outcome }: { outcome: FileOutcome }) {
  const { record, error } = outcome
  // A duplicate is not a failure: the file is already there, and nothing needed doing.
  const status =
    error?.code === 'DUPLICATE_FILE'
      ? 'duplicate'
      : record?.status === 'skipped'
        ? 'skipped'
        : error?.code === 'CANCELLED'
          ? 'cancelled'
          : error
            ? 'failed'
            : (record?.status ?? 'imported')
  const color = {
    imported: 'green',
    duplicate: 'gray',
    skipped: 'gray',
    cancelled: 'orange',
    failed: 'red',
    running: 'blue',
    interrupted: 'orange',
  }[status]
  const where = error ? describeLocation(error.location) : null
  return (
    <Paper p="md" data-testid="import-outcome" data-status={status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} truncate data-testid="outcome-file">
            {outcome.fileName}
          </Text>
          {error ? (
            <>
              <Text
                size="sm"
                c={status === 'failed' ? 'red.8' : 'gray.8'}
                data-testid="outcome-error"
              >
                {error.message}
              </Text>
              <Text size="sm" c="dimmed">
                {adviceFor(error)}
              </Text>
              {where ? (
                <Text size="xs" c="dimmed">
                  Where: {where}
                </Text>
              ) : null}
            </>
          ) : record ? (
            <Text size="sm" c="dimmed" className="amount">
              {record.rowCount.toLocaleString('en-US')} rows · {record.format}
              {record.focusVersion ? ` · FOCUS ${record.focusVersion}` : ''}
              {record.durationMs != null ? ` · ${(record.durationMs / 1000).toFixed(1)} s` : ''}
            </Text>
          ) : null}
        </Stack>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {record?.reconciled && !error ? (
            <Badge color="green" variant="light">
              reconciled
            </Badge>
          ) : null}
          <Badge color={color} variant={status === 'imported' ? 'filled' : 'light'}>
            {status}
          </Badge>
        </Group>
      </Group>
    </Paper>
  )
}

/** The per-file results of the last import, if any. */
export function ImportResults() {
  const outcomes = useAppStore((s) => s.importOutcomes)
  if (outcomes.length === 0) return null
  return (
    <Stack gap="xs" data-testid="import-results">
      <Title order={4}>Last import</Title>
      {outcomes.map((outcome, index) => (
        <Outcome key={`${outcome.fileName}-${index}`} outcome={outcome} />
      ))}
    </Stack>
  )
}
