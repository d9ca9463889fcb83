/** The running import: which file, which phase, rows and bytes so far, and a way to stop. */
import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { formatBytes } from '../../components/amount'
import { useAppStore } from '../../state/store-context'

const PHASES: Readonly<Record<string, string>> = {
  hashing: 'Computing SHA-256',
  reading: 'Reading',
  normalizing: 'Normalizing to FOCUS',
  reconciling: 'Reconciling totals',
  committing: 'Saving',
  done: 'Done',
}

/** Progress card, shown while files are staged or imported. */
export function ImportProgressCard() {
  const phase = useAppStore((s) => s.importPhase)
  const staging = useAppStore((s) => s.staging)
  const progress = useAppStore((s) => s.importProgress)
  const cancel = useAppStore((s) => s.cancelImport)
  const canCancel = useAppStore((s) => s.importJobId !== null)
  const percent =
    progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : 0
  const title =
    phase === 'staging' && staging
      ? `Uploading ${staging.fileName} (${staging.done + 1} of ${staging.total})`
      : progress
        ? `${PHASES[progress.phase] ?? progress.phase} ${progress.fileName} (${progress.fileIndex + 1} of ${progress.fileCount})`
        : 'Starting import…'
  return (
    <Paper data-testid="import-progress">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} truncate>
            {title}
          </Text>
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => void cancel()}
            disabled={!canCancel}
          >
            Cancel
          </Button>
        </Group>
        <Progress
          value={percent}
          animated={phase === 'staging' || percent === 0}
          striped
          size="lg"
        />
        {progress ? (
          <Text size="sm" c="dimmed" className="amount">
            {progress.rowsDone.toLocaleString('en-US')} rows · {formatBytes(progress.bytesDone)} of{' '}
            {formatBytes(progress.bytesTotal)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
