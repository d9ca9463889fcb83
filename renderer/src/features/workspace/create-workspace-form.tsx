/** Creates a workspace by name, checking the name as the contract does before asking the host. */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useAppStore } from '../../state/store-context'

// The contract's WorkspaceName rule, repeated as a regex so the form can explain it while typing.
const NAME_RULE = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/

/** Why `name` is not a workspace name, or null when it is (or is still empty). */
export function nameProblem(name: string): string | null {
  if (name === '') return null
  if (name.length > 80) return 'At most 80 characters.'
  if (!NAME_RULE.test(name) || name.includes('..'))
    return 'Use letters, digits, spaces, dots, dashes and underscores; start with a letter or digit.'
  return null
}

/** The "New workspace" card. */
export function CreateWorkspaceForm({ busy }: { busy: boolean }) {
  const [name, setName] = useState('')
  const createWorkspace = useAppStore((s) => s.createWorkspace)
  const problem = nameProblem(name.trim())
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (name.trim() && !problem) void createWorkspace(name.trim())
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <div>
          <Title order={4}>New workspace</Title>
          <Text size="sm" c="dimmed" mt={4}>
            One workspace per client or per organisation works well; you can import many months into
            it.
          </Text>
        </div>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            flex={1}
            placeholder="e.g. Acme 2025"
            aria-label="Workspace name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem}
            data-testid="workspace-name-input"
          />
          <Button
            type="submit"
            variant="light"
            disabled={!name.trim() || problem !== null}
            loading={busy}
          >
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
