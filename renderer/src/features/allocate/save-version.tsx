/**
 * "Save as new version": every version carries a note saying why the rules
 * changed, so the button waits for one. Saving rules equal to the latest
 * version makes no new version, and the message says so.
 */
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** The save card content. */
export function SaveVersion() {
  const draft = useAppStore((s) => s.draft)
  const task = useAppStore((s) => s.saveTask)
  const message = useAppStore((s) => s.saveMessage)
  const saveRules = useAppStore((s) => s.saveRules)
  const [note, setNote] = useState('')
  const ready = draft !== null && note.trim() !== ''
  const save = async (): Promise<void> => {
    if (ready && (await saveRules(note.trim()))) setNote('')
  }
  return (
    <Stack gap="xs">
      <Title order={4}>Save as new version</Title>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          placeholder="Why the rules changed (required)"
          aria-label="Version note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
          data-testid="version-note"
        />
        <Button
          onClick={() => void save()}
          disabled={!ready}
          loading={task.status === 'running'}
          data-testid="save-version"
        >
          Save version
        </Button>
      </Group>
      {!draft ? (
        <Text size="xs" c="dimmed">
          Nothing to save yet.
        </Text>
      ) : null}
      {message ? (
        <Alert
          color={message.startsWith('Unchanged') ? 'gray' : 'teal'}
          variant="light"
          p="xs"
          data-testid="save-message"
        >
          <Text size="sm">{message}</Text>
        </Alert>
      ) : null}
      {task.status === 'failed' && task.error ? (
        <ErrorAlert error={task.error} title="Not saved" />
      ) : null}
    </Stack>
  )
}
