/**
 * A new passphrase typed twice, for the forms that encrypt (Encrypt for carrying, New sealed
 * workspace): the rule they share (at least MIN_PASSPHRASE characters, both the same) and the
 * two fields that show what is wrong before anything is sent.
 */
import { Group, PasswordInput } from '@mantine/core'

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

/** True when a passphrase and its confirmation can be sent. */
export function passphraseReady(passphrase: string, confirm: string): boolean {
  return passphrase.length >= MIN_PASSPHRASE && confirm === passphrase
}

/** The two password fields side by side; test ids `<testId>-passphrase` and `<testId>-confirm`. */
export function NewPassphraseFields({
  passphrase,
  confirm,
  onPassphrase,
  onConfirm,
  disabled = false,
  testId,
}: {
  passphrase: string
  confirm: string
  onPassphrase: (value: string) => void
  onConfirm: (value: string) => void
  disabled?: boolean
  testId: string
}) {
  const problems = passphraseProblems(passphrase, confirm)
  return (
    <Group align="flex-start" grow>
      <PasswordInput
        label="Passphrase"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphrase(event.currentTarget.value)}
        error={problems.passphrase}
        disabled={disabled}
        data-testid={`${testId}-passphrase`}
      />
      <PasswordInput
        label="Passphrase again"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => onConfirm(event.currentTarget.value)}
        error={problems.confirm}
        disabled={disabled}
        data-testid={`${testId}-confirm`}
      />
    </Group>
  )
}
