/**
 * "Encrypt for carrying" (issue 11): the open workspace encrypted under a passphrase into one
 * `.focal.enc` file in the workspaces folder, to carry to another machine. The passphrase is
 * typed twice and cleared once used; Focal never stores it.
 */
import { Button, Checkbox, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { workspaceTitle } from '../../state/session-slice'
import { useAppStore } from '../../state/store-context'

/** The shortest passphrase the core accepts (shared/contract/encryption.ts). */
export const MIN_PASSPHRASE = 8

/** What is wrong with a passphrase and its confirmation, or null. */
export function passphraseProblems(
  passphrase: string,
  confirm: string,
): { passphrase: string | null; confirm: string | null } {
  return {
    passphrase:
      passphrase !== '' && passphrase.length < MIN_PASSPHRASE
        ? `At least ${MIN_PASSPHRASE} characters.`
        : null,
    confirm: confirm !== '' && confirm !== passphrase ? 'The two passphrases differ.' : null,
  }
}

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
  const problems = passphraseProblems(passphrase, confirm)
  const ready = passphrase.length >= MIN_PASSPHRASE && confirm === passphrase
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
        <Group align="flex-start" grow>
          <PasswordInput
            label="Passphrase"
            autoComplete="new-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={problems.passphrase}
            disabled={workspace.scratch}
            data-testid="encrypt-passphrase"
          />
          <PasswordInput
            label="Passphrase again"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={problems.confirm}
            disabled={workspace.scratch}
            data-testid="encrypt-confirm"
          />
        </Group>
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
