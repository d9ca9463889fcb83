/**
 * The cost per unit as a table: per bucket and currency the cost (opening its rows), the
 * units (— for a bucket without a metric value) and the cost per unit rounded for display,
 * its exact quotient on hover. A target's cost opens the rows of its direct part.
 */
import { Table, Text, UnstyledButton } from '@mantine/core'
import type { UnitCostRequest, UnitCostSeries } from '../../../../shared/contract/unit-costs'
import { formatMoney } from '../../../../shared/money'
import { formatUnitCost } from '../../../../shared/unit-costs/format'
import {
  unitCostDirectRowsRequest,
  unitCostRowsRequest,
} from '../../../../shared/unit-costs/rows-request'
import { useAppStore } from '../../state/store-context'

/** The table of `series`, whose figures' rows `request` finds. */
export function UnitCostTable({
  series,
  request,
}: {
  series: UnitCostSeries
  request: UnitCostRequest
}) {
  const openRows = useAppStore((s) => s.openRows)
  const units = new Map(series.periods.map((p) => [p.period, p]))
  return (
    <Table striped highlightOnHover data-testid="unit-cost-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{series.grain === 'week' ? 'Week of' : 'Period'}</Table.Th>
          <Table.Th>Currency</Table.Th>
          <Table.Th ta="right">{series.costMetric}</Table.Th>
          <Table.Th ta="right">{series.metric}</Table.Th>
          <Table.Th ta="right">Cost per unit</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.points.map((p) => {
          const period = units.get(p.period)
          const target = series.allocation?.target
          // A target's figure holds pool shares, fractions of rows the drawer cannot list:
          // it opens the rows of the direct part and says so in the drawer's title.
          const rows =
            target === undefined
              ? unitCostRowsRequest(request, p.period, p.currency)
              : unitCostDirectRowsRequest(request, p)
          const title =
            target === undefined
              ? `${series.costMetric} ${p.currency}, ${p.period}`
              : `${target} ${p.period}: the ${p.direct?.rows ?? 0} rows of the direct part (${formatMoney(p.direct?.cost ?? '0', p.currency)} of ${formatMoney(p.cost, p.currency)}; pool shares are parts of other rows)`
          return (
            <Table.Tr
              key={`${p.period}|${p.currency}`}
              data-testid="unit-cost-row"
              data-period={p.period}
            >
              <Table.Td>{p.period}</Table.Td>
              <Table.Td>{p.currency}</Table.Td>
              <Table.Td ta="right">
                {rows ? (
                  <UnstyledButton
                    onClick={() => openRows(title, rows)}
                    title={
                      target === undefined
                        ? `${p.cost} ${p.currency} from ${p.costRows} rows; show them`
                        : `${p.cost} ${p.currency}, direct ${p.direct?.cost ?? '0'}; show the direct rows`
                    }
                    style={{ textDecoration: 'underline dotted' }}
                    data-testid="unit-cost-cost"
                    data-value={p.cost}
                  >
                    {formatMoney(p.cost, p.currency)}
                  </UnstyledButton>
                ) : (
                  <Text
                    span
                    size="sm"
                    title={
                      p.direct?.rows
                        ? `${p.cost} ${p.currency}: its ${p.direct.rows} direct rows come from several imports or are too many to list in one view`
                        : `${p.cost} ${p.currency}: no direct rows, only pool shares`
                    }
                    data-testid="unit-cost-cost"
                    data-value={p.cost}
                  >
                    {formatMoney(p.cost, p.currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" data-testid="unit-cost-units">
                {period?.units ?? '—'}
                {period && period.units !== null && series.grain !== 'day' ? (
                  <Text span size="xs" c="dimmed">{` (${period.metricDays} d)`}</Text>
                ) : null}
              </Table.Td>
              <Table.Td
                ta="right"
                data-testid="unit-cost-per-unit"
                title={p.costPerUnit ?? 'no units: a gap'}
              >
                {formatUnitCost(p.costPerUnit, p.currency)}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
