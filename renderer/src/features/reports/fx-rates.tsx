/**
 * The reporting currency of the pack and the exchange rates it is converted with: a code
 * (empty: none), a rates CSV to import, and the rates in force. A pack asked in a currency
 * without a rate for the month fails naming the currency and month (FX_RATE_MISSING).
 */
import { Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** Shows at most this many rates; the CLI's `focal fx list` shows them all. */
const SHOWN = 6

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Edits the reporting currency and imports rates. */
export function FxRatesFields() {
  const fx = useAppStore((s) => s.fx)
  const load = useAppStore((s) => s.loadFx)
  const upload = useAppStore((s) => s.uploadRates)
  const setCurrency = useAppStore((s) => s.setReportingCurrency)
  useEffect(() => void load(), [load])
  const rates = fx.list?.rates ?? []
  const files = fx.list?.imports.length ?? 0
  const last = fx.last
  return (
    <Stack gap={6} data-testid="fx-rates">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Reporting currency"
          description="Also state every cost center and the total in this currency."
          placeholder="none, e.g. EUR"
          value={fx.reportingCurrency}
          onChange={(e) => setCurrency(e.currentTarget.value)}
          w={280}
          data-testid="reporting-currency"
        />
        <FileButton accept=".csv,text/csv" onChange={(file) => file && void upload(file)}>
          {(props) => (
            <Button
              variant="default"
              loading={fx.task.status === 'running'}
              data-testid="fx-upload"
              {...props}
            >
              Import exchange rates (CSV)
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed" data-testid="fx-status" aria-busy={fx.task.status === 'running'}>
        {last && fx.task.status === 'done'
          ? last.status === 'imported'
            ? `Imported ${plural(last.rates, 'rate')} from ${last.fileName}. `
            : `${last.fileName} was already imported; nothing was added. `
          : ''}
        {files === 0
          ? 'No exchange rates: columns date (or month), from, to, rate, source. A month converts at its month rate, else at the last daily rate dated in it.'
          : `${plural(rates.length, 'rate')} in force from ${plural(files, 'file')}: ` +
            rates
              .slice(-SHOWN)
              .map((r) => `1 ${r.from} = ${r.rate} ${r.to} (${r.on}, ${r.source})`)
              .join('; ') +
            (rates.length > SHOWN ? '; …' : '')}
      </Text>
      {fx.task.status === 'failed' && fx.task.error ? (
        <ErrorAlert error={fx.task.error} title="The exchange rates were not imported" />
      ) : null}
    </Stack>
  )
}
