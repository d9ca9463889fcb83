/**
 * "Encrypt for carrying" (issue 11): the open workspace encrypted under a passphrase into one
 * `.focal.enc` file in the workspaces folder, to carry to another machine. The passphrase is
 * typed twice and cleared once used; Focal never stores it.
 */
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { workspaceTitle } from '../../state/session-slice'
import { useAppStore } from '../../state/store-context'
import { NewPassphraseFields, passphraseReady } from './new-passphrase-fields'

/** The "Encrypt for carrying" card, shown while a workspace is open. */
export function EncryptForm() {
  const workspace = useAppStore((s) => s.workspace)
  const task = useAppStore((s) => s.encryption.encryptTask)
  const written = useAppStore((s) => s.encryption.written)
  const encryptOpen = useAppStore((s) => s.encryptOpen)
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [replace, setReplace] = useState(false)
  if (!workspace) return null
  const ready = passphraseReady(passphrase, confirm)
  const busy = task.status === 'running'
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!ready || busy) return
    void encryptOpen(passphrase, replace).then((done) => {
      if (!done) return
      setPassphrase('')
      setConfirm('')
      setReplace(false)
    })
  }
  return (
    <form onSubmit={submit} aria-busy={busy} data-testid="encrypt-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>Encrypt for carrying</Title>
          <Text size="sm" c="dimmed" mt={4}>
            Writes {workspaceTitle(workspace)} as one encrypted file (AES-256-GCM) into the
            workspaces folder, to carry to another machine; you keep working here. Focal never
            stores the passphrase: without it the file cannot be opened.
          </Text>
        </div>
        {workspace.scratch ? (
          <Text size="sm" c="dimmed">
            The sample data is a scratch workspace: use Save as first, then encrypt the copy.
          </Text>
        ) : null}
        {task.status === 'failed' && task.error ? (
          <ErrorAlert error={task.error} title="The workspace was not encrypted" />
        ) : null}
        {task.status === 'done' && written ? (
          <Text size="sm" data-testid="encrypt-written">
            Written: {written.fileName} in the workspaces folder.
          </Text>
        ) : null}
        <NewPassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          disabled={workspace.scratch}
          testId="encrypt"
        />
        <Group justify="space-between">
          <Checkbox
            label="Replace the existing file"
            checked={replace}
            onChange={(event) => setReplace(event.currentTarget.checked)}
            data-testid="encrypt-replace"
          />
          <Button
            type="submit"
            variant="light"
            disabled={!ready || workspace.scratch}
            loading={busy}
            data-testid="encrypt-submit"
          >
            Encrypt
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
