/**
 * The Anomalies tab of the Weekly review: the last 30 days' anomalies newest first, filtered by
 * state, each with expected vs actual, deviation and score; one opens its chart, drivers and
 * state buttons (anomaly-detail.tsx). Every amount opens the rows it sums.
 */
import {
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { anomalyKeyText, type AnomalyState } from '../../../../shared/anomalies'
import type { Anomaly } from '../../../../shared/contract'
import { Amount } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { AnomalyDetail } from './anomaly-detail'
import { anomalyRowsRequest, seriesLabel } from './anomaly-rows'

/** The colour of each state's badge. */
export const STATE_COLORS: Readonly<Record<AnomalyState, string>> = {
  new: 'red',
  acknowledged: 'yellow',
  explained: 'green',
  dismissed: 'gray',
}

type Filter = AnomalyState | 'open' | 'all'

/** The Anomalies tab. */
export function AnomaliesPanel() {
  const { scan, task, selected } = useAppStore((s) => s.anomalies)
  const runScan = useAppStore((s) => s.scanAnomalies)
  const select = useAppStore((s) => s.selectAnomaly)
  const openRows = useAppStore((s) => s.openRows)
  const [filter, setFilter] = useState<Filter>('all')
  const [minAmount, setMinAmount] = useState('')
  const [sensitivity, setSensitivity] = useState<number | string>('')
  useEffect(() => {
    if (scan === null && task.status === 'idle') void runScan()
  }, [scan, task.status, runScan])
  useEffect(() => {
    if (!scan) return
    setMinAmount(scan.settings.minAmount)
    setSensitivity(scan.settings.sensitivity)
  }, [scan])

  const shown = (scan?.anomalies ?? []).filter((a) =>
    filter === 'all'
      ? true
      : filter === 'open'
        ? a.state.state === 'new'
        : a.state.state === filter,
  )
  const open = scan?.anomalies.find((a) => anomalyKeyText(a.key) === selected) ?? null
  const busy = task.status === 'running'
  const apply = () =>
    void runScan({
      ...(minAmount.trim() ? { minAmount: minAmount.trim() } : {}),
      ...(typeof sensitivity === 'number' ? { sensitivity } : {}),
    })
  const amount = (a: Anomaly, value: string, what: string) => (
    <UnstyledButton
      onClick={(event) => {
        event.stopPropagation()
        openRows(`${seriesLabel(a)}, ${a.key.day}: ${what}`, anomalyRowsRequest(a, a.key.day))
      }}
      title="Show the rows behind this figure"
      data-testid="anomaly-figure"
    >
      <Amount value={value} currency={a.key.currency ?? ''} />
    </UnstyledButton>
  )

  return (
    <Stack gap="md" aria-busy={busy} data-testid="anomalies-panel">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Minimum amount"
          description="|actual − expected| at least, in the series' currency"
          value={minAmount}
          onChange={(e) => setMinAmount(e.currentTarget.value)}
          w={200}
          data-testid="anomaly-min-amount"
        />
        <NumberInput
          label="Sensitivity"
          description="|score| at least (deviations)"
          value={sensitivity}
          onChange={setSensitivity}
          min={0.5}
          max={100}
          step={0.5}
          w={170}
          data-testid="anomaly-sensitivity"
        />
        <Button onClick={apply} loading={busy} data-testid="anomaly-scan">
          Scan
        </Button>
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'new', label: 'New' },
            { value: 'acknowledged', label: 'Acknowledged' },
            { value: 'explained', label: 'Explained' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
          data-testid="anomaly-filter"
        />
      </Group>
      {task.status === 'failed' && task.error ? <ErrorAlert error={task.error} /> : null}
      {scan ? (
        <Text size="sm" c="dimmed" data-testid="anomaly-scope">
          {scan.metric} per {scan.by.join(' × ')} and currency, {scan.from ?? '—'} to{' '}
          {scan.to ?? '—'}: {scan.anomalies.length}{' '}
          {scan.anomalies.length === 1 ? 'anomaly' : 'anomalies'}
          {scan.truncated ? ' (the newest; narrow the range for the rest)' : ''}. {scan.method}
        </Text>
      ) : busy ? (
        <Loader size="sm" />
      ) : null}
      {scan && shown.length === 0 ? (
        <Text c="dimmed" data-testid="anomaly-empty">
          {scan.anomalies.length === 0
            ? 'No anomalies in this range.'
            : 'No anomalies in this state.'}
        </Text>
      ) : null}
      {shown.length > 0 ? (
        <Table highlightOnHover striped data-testid="anomaly-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Series</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th ta="right">Actual</Table.Th>
              <Table.Th ta="right">Deviation</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th ta="right">Excess</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((a) => {
              const key = anomalyKeyText(a.key)
              return (
                <Table.Tr
                  key={key}
                  onClick={() => void select(key === selected ? null : a)}
                  style={{ cursor: 'pointer' }}
                  bg={key === selected ? 'var(--mantine-color-blue-light)' : undefined}
                  data-testid="anomaly-row"
                  data-day={a.key.day}
                  data-series={seriesLabel(a)}
                >
                  <Table.Td>
                    {a.key.day}
                    {a.days > 1 ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        to {a.through} ({a.days} days)
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {seriesLabel(a)}{' '}
                    <Badge size="xs" variant="light" color={a.direction === 'up' ? 'red' : 'teal'}>
                      {a.kind === 'sustained'
                        ? 'level shift'
                        : a.direction === 'up'
                          ? 'spike'
                          : 'drop'}{' '}
                      {a.direction === 'up' ? '▲' : '▼'}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{amount(a, a.expected, 'expected')}</Table.Td>
                  <Table.Td ta="right">{amount(a, a.actual, 'actual')}</Table.Td>
                  <Table.Td ta="right">
                    <Amount value={a.deviation} currency={a.key.currency ?? ''} />
                  </Table.Td>
                  <Table.Td ta="right">{a.score.toFixed(1)}</Table.Td>
                  <Table.Td ta="right">
                    <Amount value={a.excess} currency={a.key.currency ?? ''} />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATE_COLORS[a.state.state]}
                      variant="light"
                      data-testid="anomaly-state"
                    >
                      {a.state.state}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {open ? <AnomalyDetail anomaly={open} /> : null}
    </Stack>
  )
}
