/** The candidates proposed from the data, each with its evidence, a figure opening its rows, and Accept. */
import { Badge, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core'
import type { BacklogCandidate, Candidates } from '../../../../shared/contract/backlog'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { useEditLock } from '../presentation/edit-lock'
import { FigureLink } from './figure-link'

const KIND_LABELS: Readonly<Record<BacklogCandidate['kind'], string>> = {
  'unused-commitment': 'Unused commitment',
  'week-growth': 'Grew week over week',
  untagged: 'No owner tag',
  idle: 'Idle-looking',
}

/** The candidates table with the growth threshold. */
export function CandidatesList({ found, busy }: { found: Candidates; busy: boolean }) {
  const accept = useAppStore((s) => s.acceptBacklogCandidate)
  const lock = useEditLock()
  const setThreshold = useAppStore((s) => s.setBacklogThreshold)
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="md">
        <NumberInput
          label="Growth threshold, % week over week"
          w={240}
          min={1}
          max={10000}
          value={found.thresholdPercent}
          onChange={(v) => typeof v === 'number' && v >= 1 && void setThreshold(Math.round(v))}
          data-testid="backlog-threshold"
        />
        <Text size="sm" c="dimmed">
          {found.window
            ? `${found.metric}, ${found.window.start} to ${found.window.end} (${found.window.days} days, end excluded)`
            : 'No cost rows yet.'}
        </Text>
      </Group>
      {found.candidates.length === 0 ? (
        <Text c="dimmed">No candidates in the data.</Text>
      ) : (
        <Table striped withTableBorder data-testid="backlog-candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Evidence</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
              <Table.Th ta="right">Savings / month</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.candidates.map((c) => (
              <Table.Tr key={c.key} data-testid="backlog-candidate" data-key={c.key}>
                <Table.Td>
                  <Badge variant="light" size="sm" mr="xs">
                    {KIND_LABELS[c.kind]}
                  </Badge>
                  {c.title}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.evidence}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <FigureLink
                    value={c.cost}
                    currency={c.currency}
                    rows={c.evidenceRows}
                    title={c.title}
                    testId="candidate-cost"
                  />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={c.expectedMonthlySavings} currency={c.currency} />
                </Table.Td>
                <Table.Td>
                  {c.itemId === null ? (
                    <Button
                      size="xs"
                      {...lock(busy)}
                      onClick={() => void accept(c.key)}
                      data-testid="candidate-accept"
                    >
                      Accept
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed" data-testid="candidate-accepted">
                      Item {c.itemId}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {found.method}
      </Text>
    </Stack>
  )
}
