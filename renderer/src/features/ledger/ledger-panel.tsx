/**
 * The Ledger tab of the Weekly review screen (issue 12, "Weekly cost ledger"): a week (the
 * latest complete one with data by default), a dimension (the owner dimension by default) and
 * a metric; the sign-off threshold with the movers it flags; one table per currency with the movers, their drivers, explanations and sign-offs;
 * export as PDF or CSV.
 */
import { Autocomplete, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CostMetricName } from '../../../../shared/contract/allocation'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from '../explore/grid-export'
import { LedgerTable } from './ledger-table'
import { SignOffThreshold } from './sign-off-threshold'

/** Dimensions offered in the picker; any column or tag:<key> can be typed. */
const SUGGESTED = [
  'SubAccountName',
  'BillingAccountName',
  'ServiceName',
  'ServiceCategory',
  'RegionName',
  'ChargeCategory',
  'tag:owner',
  'tag:team',
]

/** The Ledger tab. */
export function LedgerPanel() {
  const workspace = useAppStore((s) => s.workspace)
  const ledger = useAppStore((s) => s.ledger)
  const load = useAppStore((s) => s.loadLedger)
  const setQuery = useAppStore((s) => s.setLedgerQuery)
  const exportLedger = useAppStore((s) => s.exportLedger)
  const [by, setBy] = useState(ledger.query.by ?? '')
  useEffect(() => void load(), [load, workspace])
  const data = ledger.data
  const busy = ledger.task.status === 'running'
  const owner = ledger.weeks?.ownerDimension
  const applyBy = (value: string): void => {
    const next = value.trim() || null
    if (next !== ledger.query.by) void setQuery({ by: next })
  }
  return (
    <Stack gap="md" data-testid="ledger-panel" aria-busy={busy}>
      <Group align="flex-end" gap="sm">
        <Select
          label="ISO week (Monday to Sunday, UTC)"
          data={ledger.weeks?.weeks ?? []}
          value={ledger.query.week}
          onChange={(week) => week && void setQuery({ week })}
          w={200}
          allowDeselect={false}
          data-testid="ledger-week"
        />
        <Autocomplete
          label="By"
          placeholder={owner ? `${owner} (the owner dimension)` : 'the owner dimension'}
          data={SUGGESTED}
          value={by}
          onChange={setBy}
          onOptionSubmit={applyBy}
          onBlur={() => applyBy(by)}
          onKeyDown={(e) => e.key === 'Enter' && applyBy(by)}
          w={280}
          data-testid="ledger-by"
        />
        <SegmentedControl
          data={['BilledCost', 'EffectiveCost']}
          value={ledger.query.metric}
          onChange={(metric) => void setQuery({ metric: metric as CostMetricName })}
          data-testid="ledger-metric"
        />
        <Button
          variant="default"
          disabled={!data}
          onClick={() => void exportLedger('pdf').then((f) => f && downloadExport(f))}
          data-testid="ledger-export-pdf"
        >
          Export PDF
        </Button>
        <Button
          variant="default"
          disabled={!data}
          onClick={() => void exportLedger('csv').then((f) => f && downloadExport(f))}
          data-testid="ledger-export-csv"
        >
          Export CSV
        </Button>
      </Group>
      {ledger.task.error ? <ErrorAlert error={ledger.task.error} /> : null}
      {ledger.saving.error ? <ErrorAlert error={ledger.saving.error} title="Not saved" /> : null}
      {ledger.weeks && ledger.weeks.weeks.length === 0 ? (
        <Text c="dimmed">No costs yet: import a billing file to see its weeks.</Text>
      ) : null}
      {data ? (
        <Text size="sm" c="dimmed" data-testid="ledger-summary">
          {data.week}: {data.start} to {data.end} (end exclusive) against {data.lastWeek.week} ·{' '}
          {data.metric} by {data.by}
          {data.byReason === 'owner-default' ? ' (the owner dimension)' : ''} · top {data.top}{' '}
          movers by |delta| per currency. Click an amount to open its rows.
        </Text>
      ) : null}
      {data ? <SignOffThreshold ledger={data} /> : null}
      {data?.currencies.length === 0 ? (
        <Text c="dimmed">No costs in {data.week} or the week before.</Text>
      ) : null}
      {data?.currencies.map((c) => (
        <Stack key={c.currency ?? ''} gap={4}>
          <Text fw={600}>
            {c.currency ?? '(no currency)'} · {data.metric}
          </Text>
          <LedgerTable ledger={data} c={c} />
        </Stack>
      ))}
    </Stack>
  )
}
