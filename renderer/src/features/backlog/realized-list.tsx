/**
 * Realized savings of the done items, per currency, each average opening the rows it is made
 * of; the burn-down (expected savings remaining and delivered, beside the realized) as a chart;
 * and the method.
 */
import { Stack, Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import type { Realized } from '../../../../shared/contract/backlog'
import { Amount } from '../../components/amount'
import { EChart, type ChartOption } from '../../components/echart'
import { FigureLink } from './figure-link'

/** The realized savings table, the burn-down and the method. */
export function RealizedList({ realized }: { realized: Realized }) {
  return (
    <Stack gap="xs">
      {realized.items.length === 0 ? (
        <Text c="dimmed">
          No done items yet: realized savings are measured once an item is done with its change
          date.
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="backlog-realized">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Windows</Table.Th>
              <Table.Th ta="right">Daily before</Table.Th>
              <Table.Th ta="right">Daily after</Table.Th>
              <Table.Th ta="right">Realized / month</Table.Th>
              <Table.Th ta="right">Expected / month</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {realized.items.flatMap((i) =>
              i.figures.length === 0
                ? [
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.title}</Table.Td>
                      <Table.Td colSpan={4}>{i.note}</Table.Td>
                      <Table.Td ta="right">
                        <Amount value={i.expectedMonthlySavings} currency={i.currency} />
                      </Table.Td>
                    </Table.Tr>,
                  ]
                : i.figures.map((f) => (
                    <Table.Tr key={`${i.id}|${f.currency}`} data-testid="realized-row">
                      <Table.Td>{i.title}</Table.Td>
                      <Table.Td>
                        {i.before?.days} days before and {i.after?.days} after {i.changeDate}
                      </Table.Td>
                      <Table.Td ta="right">
                        <FigureLink
                          value={f.beforeDaily}
                          currency={f.currency}
                          rows={f.beforeRows}
                          title={`${i.title}: before`}
                          testId="realized-before"
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        <FigureLink
                          value={f.afterDaily}
                          currency={f.currency}
                          rows={f.afterRows}
                          title={`${i.title}: after`}
                          testId="realized-after"
                        />
                      </Table.Td>
                      <Table.Td ta="right" data-testid="realized-monthly">
                        <Amount value={f.realizedMonthly} currency={f.currency} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount value={i.expectedMonthlySavings} currency={i.currency} />
                      </Table.Td>
                    </Table.Tr>
                  )),
            )}
          </Table.Tbody>
        </Table>
      )}
      {new Set(realized.burnDown.map((p) => p.date)).size > 1 ? (
        <BurnDown realized={realized} />
      ) : (
        <Text size="sm" c="dimmed">
          The burn-down starts when the first item is done with its change date.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {realized.method}
      </Text>
    </Stack>
  )
}

function BurnDown({ realized }: { realized: Realized }) {
  const option = useMemo((): ChartOption => {
    const dates = [...new Set(realized.burnDown.map((p) => p.date))]
    const currencies = [...new Set(realized.burnDown.map((p) => p.currency))]
    const line = (
      currency: string,
      name: string,
      pick: (p: Realized['burnDown'][number]) => string,
    ) => ({
      name: `${name} (${currency})`,
      type: 'line' as const,
      step: 'end' as const,
      // The chart draws the exact amounts as numbers; the table and the CSV carry the exact text.
      data: dates.map((date) => {
        const p = realized.burnDown.find((x) => x.date === date && x.currency === currency)
        return p ? Number(pick(p)) : null
      }),
    })
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', name: 'per month' },
      series: currencies.flatMap((c) => [
        line(c, 'Expected remaining', (p) => p.remainingExpected),
        line(c, 'Expected delivered', (p) => p.deliveredExpected),
        line(c, 'Realized', (p) => p.realized),
      ]),
    }
  }, [realized])
  return (
    <EChart
      option={option}
      height={240}
      label="Backlog burn-down: expected savings remaining and delivered, and realized, per month"
    />
  )
}
