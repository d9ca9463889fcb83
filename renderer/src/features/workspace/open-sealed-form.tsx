/**
 * "Open sealed" (issue 11, At rest): a `.focal.enc` of the workspaces folder opened without
 * ever being on disk in plaintext. It is decrypted into a RAM folder for the session and
 * encrypted back when it is closed. The passphrase is cleared once used and never stored,
 * unless the person ticks "Remember in this computer's keychain" (the desktop app only: main
 * keeps it as an OS-keychain blob, electron/main/keychain.ts).
 */
import { Button, Checkbox, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { MIN_PASSPHRASE } from './new-passphrase-fields'

/** The passphrase form for opening `name.focal.enc` sealed. */
export function OpenSealedForm({ name, onClose }: { name: string; onClose: () => void }) {
  const task = useAppStore((s) => s.encryption.sealedTask)
  const sealing = useAppStore((s) => s.encryption.sealing)
  const openSealed = useAppStore((s) => s.openSealed)
  const keychain = useAppStore((s) => s.encryption.keychain)
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(false)
  const running = task.status === 'running'
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (passphrase.length < MIN_PASSPHRASE || running) return
    void openSealed(name, passphrase, false, remember && keychain?.available === true).then(
      (done) => {
        setPassphrase('')
        if (done) onClose()
      },
    )
  }
  return (
    <form onSubmit={submit} aria-busy={running} data-testid="open-sealed-form">
      <Stack gap="sm">
        <Text size="sm">
          Open <b>{name}.focal.enc</b> sealed: it is decrypted into memory only, never to disk, and
          encrypted back when you close it, open another workspace or quit Focal.
        </Text>
        {task.status === 'failed' && task.error && sealing === name ? (
          <ErrorAlert error={task.error} title="The sealed workspace was not opened" />
        ) : null}
        <PasswordInput
          label="Passphrase"
          autoComplete="off"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          data-testid="open-sealed-passphrase"
        />
        {keychain?.available ? (
          <Checkbox
            label="Remember in this computer's keychain"
            description="Next time, Unlock with keychain opens it without typing; Forget removes it."
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
            data-testid="open-sealed-remember"
          />
        ) : keychain?.reason ? (
          <Text size="xs" c="dimmed" data-testid="keychain-reason">
            {keychain.reason}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={running}
            disabled={passphrase.length < MIN_PASSPHRASE}
            data-testid="open-sealed-submit"
          >
            Open sealed
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
