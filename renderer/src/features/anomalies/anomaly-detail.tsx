/**
 * One anomaly open: expected vs actual with the metric and currency said, its band, its series'
 * chart, its drivers (each opens its rows), and the state buttons: Acknowledge, Explain… (a
 * note and an owner), Dismiss, Reopen.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core'
import { useState } from 'react'
import type { Anomaly } from '../../../../shared/contract'
import { Amount } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { AnomalyChart } from './anomaly-chart'
import { anomalyRowsRequest, seriesLabel } from './anomaly-rows'

/** The open anomaly's card. */
export function AnomalyDetail({ anomaly }: { anomaly: Anomaly }) {
  const { scan, series, seriesTask, saveTask } = useAppStore((s) => s.anomalies)
  const setState = useAppStore((s) => s.setAnomalyState)
  const openRows = useAppStore((s) => s.openRows)
  const [explaining, setExplaining] = useState(false)
  const [note, setNote] = useState(anomaly.state.note ?? '')
  const [owner, setOwner] = useState(anomaly.state.owner ?? '')
  const currency = anomaly.key.currency ?? ''
  const busy = saveTask.status === 'running'
  const label = seriesLabel(anomaly)
  const { state } = anomaly
  return (
    <Card withBorder padding="md" data-testid="anomaly-detail" aria-busy={busy}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>
            {label} ({anomaly.key.by.join(' × ')}), {currency}, {anomaly.key.day}
            {anomaly.days > 1 ? ` to ${anomaly.through}` : ''}
          </Text>
          <Badge variant="light" data-testid="anomaly-detail-state">
            {state.state}
          </Badge>
        </Group>
        <Text size="sm">
          {scan?.metric ?? 'BilledCost'}: actual{' '}
          <Amount value={anomaly.actual} currency={currency} exact /> against expected{' '}
          <Amount value={anomaly.expected} currency={currency} exact /> (band{' '}
          <Amount value={anomaly.lower} currency={currency} /> to{' '}
          <Amount value={anomaly.upper} currency={currency} />
          ); deviation <Amount value={anomaly.deviation} currency={currency} />, score{' '}
          {anomaly.score.toFixed(2)}.
          {anomaly.days > 1 ? (
            <>
              {' '}
              {anomaly.days} days flagged, <Amount value={anomaly.excess} currency={currency} />{' '}
              above expected in all.
            </>
          ) : null}
        </Text>
        {state.by ? (
          <Text size="xs" c="dimmed" data-testid="anomaly-state-by">
            {state.state} by {state.by} at {state.at}
            {state.owner ? `, owner ${state.owner}` : ''}
            {state.note ? `: ${state.note}` : ''}
          </Text>
        ) : null}
        {seriesTask.status === 'failed' && seriesTask.error ? (
          <ErrorAlert error={seriesTask.error} />
        ) : null}
        {series ? (
          <AnomalyChart
            anomaly={anomaly}
            series={series}
            onDay={(day) => openRows(`${label}, ${day}`, anomalyRowsRequest(anomaly, day))}
          />
        ) : seriesTask.status === 'running' ? (
          <Loader size="sm" />
        ) : null}
        <Text fw={600} size="sm">
          Drivers on {anomaly.key.day} (against the mean of the middle four of the same weekday over
          8 weeks)
        </Text>
        <Table data-testid="anomaly-drivers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ResourceId</Table.Th>
              <Table.Th>SkuId</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th ta="right">Actual</Table.Th>
              <Table.Th ta="right">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {anomaly.drivers.map((d) => (
              <Table.Tr key={`${d.resourceId ?? ''}|${d.skuId ?? ''}`}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() =>
                      openRows(
                        `${label}, ${anomaly.key.day}: ${d.resourceId ?? '(no resource)'}`,
                        anomalyRowsRequest(anomaly, anomaly.key.day, d.resourceId),
                      )
                    }
                    title="Show this resource's rows of the day"
                    data-testid="anomaly-driver"
                  >
                    {d.resourceId ?? '(none)'}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{d.skuId ?? '(none)'}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={d.expected} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={d.actual} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={d.change} currency={currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {saveTask.status === 'failed' && saveTask.error ? (
          <ErrorAlert error={saveTask.error} />
        ) : null}
        {explaining ? (
          <Stack gap="xs">
            <Textarea
              label="What caused it"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="anomaly-note"
            />
            <TextInput
              label="Owner"
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              data-testid="anomaly-owner"
            />
            <Group>
              <Button
                disabled={!note.trim()}
                loading={busy}
                onClick={async () => {
                  if (await setState(anomaly, 'explained', { note, owner })) setExplaining(false)
                }}
                data-testid="anomaly-save-explanation"
              >
                Save explanation
              </Button>
              <Button variant="subtle" onClick={() => setExplaining(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button
              variant="light"
              loading={busy}
              disabled={state.state === 'acknowledged'}
              onClick={() => void setState(anomaly, 'acknowledged')}
              data-testid="anomaly-ack"
            >
              Acknowledge
            </Button>
            <Button
              variant="light"
              onClick={() => setExplaining(true)}
              data-testid="anomaly-explain"
            >
              Explain…
            </Button>
            <Button
              variant="light"
              color="gray"
              loading={busy}
              disabled={state.state === 'dismissed'}
              onClick={() => void setState(anomaly, 'dismissed')}
              data-testid="anomaly-dismiss"
            >
              Dismiss
            </Button>
            {state.state !== 'new' ? (
              <Button
                variant="subtle"
                loading={busy}
                onClick={() => void setState(anomaly, 'new')}
                data-testid="anomaly-reopen"
              >
                Reopen
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Card>
  )
}
