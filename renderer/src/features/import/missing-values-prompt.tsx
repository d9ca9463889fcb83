/**
 * For a FOCUS file refused for lacking required columns (MISSING_COLUMNS): a small form
 * with one value per missing column, imported again with them (`assume`); and, on an
 * imported file, the values that were assumed. Never assumed silently: every row is
 * flagged VALUE_ASSUMED and the import record lists the values.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { useAppStore } from '../../state/store-context'

/** An example value for each column a FOCUS file must have. */
const EXAMPLES: Readonly<Record<string, string>> = {
  BillingCurrency: 'USD',
  ChargePeriodStart: '2024-09-01T00:00:00Z',
  ChargePeriodEnd: '2024-10-01T00:00:00Z',
  BilledCost: '0',
}

/** Offers "Supply the missing values…" and, opened, a value per missing column. */
export function MissingValuesPrompt({
  index,
  missing,
}: {
  index: number
  missing: readonly string[]
}) {
  const resolveMissing = useAppStore((s) => s.resolveMissing)
  const running = useAppStore((s) => s.importTask.status === 'running')
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState<Record<string, string>>({})
  const complete = missing.every((column) => (values[column] ?? '').trim() !== '')
  if (!open)
    return (
      <Group gap="xs" mt={4}>
        <Button size="xs" variant="default" disabled={running} onClick={() => setOpen(true)}>
          Supply the missing values…
        </Button>
      </Group>
    )
  return (
    <Stack gap={6} mt={4} data-testid="missing-values-form">
      <Text size="sm">
        Every row gets the value you give, flagged VALUE_ASSUMED; the import details list it.
      </Text>
      {missing.map((column) => (
        <TextInput
          key={column}
          size="xs"
          label={column}
          placeholder={EXAMPLES[column] ?? ''}
          value={values[column] ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value
            setValues((current) => ({ ...current, [column]: value }))
          }}
        />
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          disabled={running || !complete}
          onClick={() =>
            void resolveMissing(
              index,
              Object.fromEntries(missing.map((column) => [column, (values[column] ?? '').trim()])),
            )
          }
        >
          Import with these values
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}

/** The values an import assumed for columns its file lacks, if any. */
export function AssumedValuesNote({ record }: { record: ImportRecord }) {
  const assumed = record.assumed ?? []
  if (assumed.length === 0) return null
  return (
    <Text size="sm" c="orange.8" data-testid="outcome-assumed">
      Assumed for every row (the file has no such column):{' '}
      {assumed.map((a) => `${a.column} = ${a.value}`).join(', ')}
    </Text>
  )
}

/** The missing columns a MISSING_COLUMNS error names (its details), or none. */
export function missingColumnsOf(details: Record<string, unknown> | undefined): string[] {
  const missing = details?.missing
  return Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : []
}
