/**
 * Save As (issue 11): the open workspace copied whole under a new name; the app then works in
 * the copy. Both files' audit trails record it (workspace.saveAs, workspace.copiedFrom).
 */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { workspaceTitle } from '../../state/session-slice'
import { useAppStore } from '../../state/store-context'
import { nameProblem } from './create-workspace-form'

/** The "Save as" card, shown while a workspace is open. */
export function SaveAsForm() {
  const workspace = useAppStore((s) => s.workspace)
  const task = useAppStore((s) => s.carry.saveAsTask)
  const saveAs = useAppStore((s) => s.saveAs)
  const [name, setName] = useState('')
  if (!workspace) return null
  const problem = nameProblem(name.trim())
  const busy = task.status === 'running'
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!name.trim() || problem) return
    void saveAs(name.trim()).then((saved) => {
      if (saved) setName('')
    })
  }
  return (
    <form onSubmit={submit} aria-busy={busy} data-testid="save-as-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>Save as</Title>
          <Text size="sm" c="dimmed" mt={4}>
            Copies {workspaceTitle(workspace)} whole (rows, imports, rules, views, audit trail) into
            a new workspace and continues in the copy. Both audit trails record the copy.
          </Text>
        </div>
        {task.status === 'failed' && task.error ? (
          <ErrorAlert error={task.error} title="The copy was not made" />
        ) : null}
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            flex={1}
            placeholder="e.g. Acme 2025 for audit"
            aria-label="Name of the copy"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem}
            data-testid="save-as-name"
          />
          <Button
            type="submit"
            variant="light"
            disabled={!name.trim() || problem !== null}
            loading={busy}
            data-testid="save-as-submit"
          >
            Save as
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
