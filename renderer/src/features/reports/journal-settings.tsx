/**
 * The journal's settings, kept in the workspace: the account the cloud
 * invoice was booked to (the journal credits it) and the ledger mapping CSV
 * that gives each cost center its expense account and code. Without them the
 * pack still writes, and lists in its manifest what the journal could not post.
 */
import { Alert, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** Edits the credit account and uploads or clears the ledger mapping. */
export function JournalSettingsFields() {
  const settings = useAppStore((s) => s.journalSettings)
  const saveAccount = useAppStore((s) => s.saveCreditAccount)
  const upload = useAppStore((s) => s.uploadLedger)
  const clear = useAppStore((s) => s.clearLedger)
  const [draft, setDraft] = useState('')
  useEffect(() => setDraft(settings.creditAccount ?? ''), [settings.creditAccount])
  const ledger = settings.ledger
  const mapped = ledger?.rows.filter((r) => r.ledgerAccount !== null).length ?? 0
  return (
    <Stack gap={6} data-testid="journal-settings">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Journal credit account"
          description="The account the cloud invoice was booked to; the journal credits it."
          placeholder="e.g. 2100"
          maxLength={60}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => {
            if ((settings.creditAccount ?? '') !== draft.trim()) void saveAccount(draft)
          }}
          w={280}
          data-testid="credit-account"
        />
        <FileButton accept=".csv,text/csv" onChange={(file) => file && void upload(file)}>
          {(props) => (
            <Button
              variant="default"
              loading={settings.task.status === 'running'}
              data-testid="ledger-upload"
              {...props}
            >
              Upload ledger mapping (CSV)
            </Button>
          )}
        </FileButton>
        {ledger?.fileName ? (
          <Button variant="subtle" color="gray" onClick={() => void clear()}>
            Remove mapping
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" data-testid="ledger-status">
        {ledger?.fileName
          ? `${mapped} of ${ledger.rows.length} cost centers have a ledger account (from ${ledger.fileName}).`
          : 'No ledger mapping: columns target,ledger_account,cost_center_code. Cost centers without an account are listed as not posted, never written with an empty account.'}
      </Text>
      {settings.task.status === 'failed' && settings.task.error ? (
        <ErrorAlert error={settings.task.error} title="The ledger mapping was not kept" />
      ) : null}
      {settings.creditAccount === null ? (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">
            No credit account yet: the journal posts nothing until the invoice's account is set.
          </Text>
        </Alert>
      ) : null}
    </Stack>
  )
}
