/**
 * The encrypted workspaces in the workspaces folder (`.focal.enc`, issue 11): "Decrypt and
 * open" asks for a name for the new workspace and the passphrase, then the app works in it;
 * "Open sealed" works in the file itself, decrypted into memory only (open-sealed-form.tsx).
 */
import { Button, Group, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import { formatBytes } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { formatUtcTime } from '../../../../shared/dates'
import { nameProblem } from './create-workspace-form'
import { MIN_PASSPHRASE } from './new-passphrase-fields'
import { OpenSealedForm } from './open-sealed-form'

/** A name for the decrypted workspace no workspace has yet. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 70)
  if (!taken.has(stem)) return stem
  for (let n = 2; ; n += 1) if (!taken.has(`${stem} ${n}`)) return `${stem} ${n}`
}

/** The "Encrypted workspaces" card. */
export function EncryptedList({ busy }: { busy: boolean }) {
  const files = useAppStore((s) => s.encryption.files)
  const task = useAppStore((s) => s.encryption.decryptTask)
  const decrypting = useAppStore((s) => s.encryption.decrypting)
  const workspaces = useAppStore((s) => s.workspaces)
  const loadEncrypted = useAppStore((s) => s.loadEncrypted)
  const decryptAndOpen = useAppStore((s) => s.decryptAndOpen)
  const [chosen, setChosen] = useState<string | null>(null)
  const [sealed, setSealed] = useState<string | null>(null)
  const sealedRunning = useAppStore((s) => s.encryption.sealedTask.status === 'running')
  // The list itself, not `?? []` in the selector: a new array each call would re-render forever.
  const keychain = useAppStore((s) => s.encryption.keychain)
  const remembered = keychain?.remembered ?? []
  const unlockWithKeychain = useAppStore((s) => s.unlockWithKeychain)
  const forgetPassphrase = useAppStore((s) => s.forgetPassphrase)
  const [as, setAs] = useState('')
  const [passphrase, setPassphrase] = useState('')
  useEffect(() => void loadEncrypted(), [loadEncrypted])
  const running = task.status === 'running'
  const problem = nameProblem(as.trim())
  const choose = (name: string): void => {
    setSealed(null)
    setChosen(name)
    setAs(freeName(name, new Set(workspaces.map((w) => w.name))))
    setPassphrase('')
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!chosen || !as.trim() || problem || passphrase.length < MIN_PASSPHRASE) return
    void decryptAndOpen(chosen, as.trim(), passphrase).then((done) => {
      setPassphrase('')
      if (done) setChosen(null)
    })
  }
  return (
    <Stack gap="sm" data-testid="encrypted-list">
      <div>
        <Title order={4}>Encrypted workspaces</Title>
        <Text size="sm" c="dimmed" mt={4}>
          Encrypted files (.focal.enc) in the workspaces folder. Decrypting one makes a new
          workspace under the name you give and opens it; the encrypted file stays as it is. Opening
          one sealed works in the file itself, decrypted into memory only: nothing of it is written
          to disk in plaintext, and it is encrypted back when you close it.
        </Text>
      </div>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Encrypt a workspace above, or put a .focal.enc file in the workspaces folder.
        </Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>Written</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((file) => (
              <Table.Tr key={file.name} data-testid="encrypted-row" data-name={file.name}>
                <Table.Td fw={500}>{file.name}.focal.enc</Table.Td>
                <Table.Td ta="right" className="amount">
                  {formatBytes(file.sizeBytes)}
                </Table.Td>
                <Table.Td>{formatUtcTime(file.modifiedAt)}</Table.Td>
                <Table.Td ta="right">
                  {remembered.includes(file.name) ? (
                    <>
                      <Button
                        size="xs"
                        mr="xs"
                        variant="light"
                        disabled={busy || running || sealedRunning}
                        onClick={() => {
                          setChosen(null)
                          setSealed(file.name)
                          void unlockWithKeychain(file.name).then((done) => done && setSealed(null))
                        }}
                        aria-label={`Unlock ${file.name} with keychain`}
                      >
                        Unlock with keychain
                      </Button>
                      <Button
                        size="xs"
                        mr="xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => void forgetPassphrase(file.name)}
                        aria-label={`Forget the passphrase of ${file.name}`}
                      >
                        Forget
                      </Button>
                    </>
                  ) : null}
                  <Button
                    size="xs"
                    mr="xs"
                    variant={sealed === file.name ? 'filled' : 'default'}
                    disabled={busy || running || sealedRunning}
                    onClick={() => {
                      setChosen(null)
                      setSealed(file.name)
                    }}
                    aria-label={`Open sealed ${file.name}`}
                  >
                    Open sealed
                  </Button>
                  <Button
                    size="xs"
                    variant={chosen === file.name ? 'filled' : 'default'}
                    disabled={busy || running}
                    onClick={() => choose(file.name)}
                    aria-label={`Decrypt and open ${file.name}`}
                  >
                    Decrypt and open
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {sealed ? <OpenSealedForm name={sealed} onClose={() => setSealed(null)} /> : null}
      {chosen ? (
        <form onSubmit={submit} aria-busy={running} data-testid="decrypt-form">
          <Stack gap="sm">
            <Text size="sm">
              Decrypt <b>{chosen}.focal.enc</b> into a new workspace:
            </Text>
            {task.status === 'failed' && task.error && decrypting === chosen ? (
              <ErrorAlert error={task.error} title="The file was not decrypted" />
            ) : null}
            <Group align="flex-start" grow>
              <TextInput
                label="Name of the new workspace"
                value={as}
                onChange={(event) => setAs(event.currentTarget.value)}
                error={problem}
                data-testid="decrypt-as"
              />
              <PasswordInput
                label="Passphrase"
                autoComplete="off"
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                data-testid="decrypt-passphrase"
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={running}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={running}
                disabled={!as.trim() || problem !== null || passphrase.length < MIN_PASSPHRASE}
                data-testid="decrypt-submit"
              >
                Decrypt and open
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  )
}
