/** The audit trail's verdict: the hash chain and the stored imports and closes, verified now. */
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** "1 import", "2 imports". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The verification card: intact or where it broke, and the differences found. */
export function VerificationCard() {
  const verification = useAppStore((s) => s.audit.verification)
  const task = useAppStore((s) => s.audit.verifyTask)
  const verify = useAppStore((s) => s.verifyAudit)
  const running = task.status === 'running'
  const action = (
    <Button size="xs" variant="default" loading={running} onClick={() => void verify()}>
      Verify again
    </Button>
  )
  if (task.error) return <ErrorAlert error={task.error} title="The audit log was not verified" />
  if (!verification) return <Text c="dimmed">Verifying the audit log…</Text>
  const broken = verification.break
  return (
    <Alert
      color={verification.ok ? 'green' : 'red'}
      variant="light"
      data-testid="audit-verdict"
      data-ok={String(verification.ok)}
      aria-busy={running}
      title={
        broken
          ? `Broken at entry ${broken.seq ?? '(no number)'}, field ${broken.field}`
          : verification.ok
            ? `Chain intact: ${verification.entries} entries`
            : `Chain intact, but what is stored differs from the log`
      }
    >
      <Stack gap={6}>
        {broken ? (
          <Text size="sm">
            {broken.message} Expected <Code>{broken.expected}</Code>, found{' '}
            <Code>{broken.found}</Code>.
          </Text>
        ) : (
          <Text size="sm">
            Every entry carries the hash of the one before it, and each was recomputed.{' '}
            {count(verification.importsChecked, 'import')} (file, SHA-256, rows and sums per
            currency) and{' '}
            {count(verification.closesChecked, 'close or reopen', 'closes and reopens')} were
            checked against what is stored.
            {verification.head ? (
              <>
                {' '}
                Note the last entry&apos;s hash to tell later whether entries were cut from the end:{' '}
                <Code data-testid="audit-head">{verification.head.hash}</Code> (entry{' '}
                {verification.head.seq}).
              </>
            ) : null}
          </Text>
        )}
        {verification.mismatches.map((m, i) => (
          <Text size="sm" key={i} c="red">
            {m.what}
            {m.seq === null ? '' : ` (entry ${m.seq})`}: {m.field} logged {m.expected}, stored{' '}
            {m.found}
          </Text>
        ))}
        {verification.chainStart ? (
          <Text size="xs" c="dimmed">
            Entries 1–{verification.chainStart.through} were logged before the chain existed and
            chained at the upgrade of {verification.chainStart.at}: they are proven unchanged only
            since then.
          </Text>
        ) : null}
        <Group>{action}</Group>
      </Stack>
    </Alert>
  )
}
