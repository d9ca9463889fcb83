/**
 * "New sealed workspace" (issue 11, At rest): a workspace that is only ever on disk encrypted,
 * as `<name>.focal.enc` in the workspaces folder, and opened decrypted into memory only. The
 * passphrase is typed twice, cleared once used and never stored.
 */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { nameProblem } from './create-workspace-form'
import { NewPassphraseFields, passphraseReady } from './new-passphrase-fields'

/** The "New sealed workspace" card. */
export function CreateSealedForm({ busy }: { busy: boolean }) {
  const task = useAppStore((s) => s.encryption.sealedTask)
  const sealing = useAppStore((s) => s.encryption.sealing)
  const openSealed = useAppStore((s) => s.openSealed)
  const [name, setName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const problem = nameProblem(name.trim())
  const running = task.status === 'running'
  const ready = name.trim() !== '' && problem === null && passphraseReady(passphrase, confirm)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!ready || running) return
    void openSealed(name.trim(), passphrase, true).then((done) => {
      setPassphrase('')
      setConfirm('')
      if (done) setName('')
    })
  }
  return (
    <form onSubmit={submit} aria-busy={running} data-testid="create-sealed-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>New sealed workspace</Title>
          <Text size="sm" c="dimmed" mt={4}>
            For a client&apos;s data that must never be on this disk in plaintext: the workspace is
            kept only as an encrypted .focal.enc file and, while open, decrypted into memory.
            Without the passphrase it cannot be opened; Focal never stores it.
          </Text>
        </div>
        {task.status === 'failed' && task.error && sealing === name.trim() ? (
          <ErrorAlert error={task.error} title="The sealed workspace was not created" />
        ) : null}
        <TextInput
          label="Name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problem}
          data-testid="create-sealed-name"
        />
        <NewPassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          testId="create-sealed"
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            disabled={!ready || busy}
            loading={running}
            data-testid="create-sealed-submit"
          >
            Create sealed workspace
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
