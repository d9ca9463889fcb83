/**
 * The pack before it is written: per currency, every cost center with what
 * it is charged (rounded to cents that add up to the rounded total), the
 * previous period and the change; Unallocated always last; then the
 * reconciliation line and the largest services.
 */
import { Badge, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core'
import type { ReportPreview } from '../../../../shared/contract'
import { toScaled } from '../../../../shared/money'
import {
  amountWord,
  describeChange,
  formatAmount,
  periodName,
  periodText,
  reconciliationText,
} from '../../../../shared/report'

/** Opens "Explain this number" on a cost center's figure in one currency. */
export type ExplainFigure = (target: string, currency: string) => void

function CurrencyTable({
  preview,
  currency,
  onExplain,
}: {
  preview: ReportPreview
  currency: string
  onExplain?: ExplainFigure
}) {
  const total = preview.totals.find((t) => t.currency === currency)
  const rows = preview.targets.flatMap((t) => {
    const amount = t.amounts.find((a) => a.currency === currency)
    return amount ? [{ ...t, amount }] : []
  })
  // Without data for the previous month, two columns of dashes say less than one sentence.
  const compared = total?.previous != null
  return (
    <Table verticalSpacing={6} highlightOnHover data-testid={`report-summary-${currency}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cost center</Table.Th>
          <Table.Th ta="right">
            {amountWord(preview.kind)} {currency}
          </Table.Th>
          {compared ? (
            <>
              <Table.Th ta="right">{periodName(preview.previousPeriod)}</Table.Th>
              <Table.Th ta="right">Change</Table.Th>
            </>
          ) : null}
          <Table.Th ta="right">Lines</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ target, unallocated, amount }) => {
          const change = describeChange(amount.exact, amount.previous, currency)
          return (
            <Table.Tr
              key={target}
              data-testid="report-row"
              data-target={target}
              bg={unallocated ? (toScaled(amount.exact) === 0n ? 'teal.0' : 'orange.0') : undefined}
            >
              <Table.Td fw={unallocated ? 700 : 500}>{target}</Table.Td>
              <Table.Td
                ta="right"
                className="amount"
                fw={600}
                data-value={amount.charged}
                title={`exact ${amount.exact}`}
              >
                {onExplain ? (
                  // The figure opens its chain: rule version, lines, source rows (Explain drawer).
                  <UnstyledButton
                    className="amount"
                    fw={600}
                    td="underline dotted"
                    onClick={() => onExplain(target, currency)}
                    data-testid="report-explain"
                    aria-label={`Explain ${target}'s ${currency} figure`}
                  >
                    {formatAmount(amount.charged, currency)}
                  </UnstyledButton>
                ) : (
                  formatAmount(amount.charged, currency)
                )}
              </Table.Td>
              {compared ? (
                <>
                  <Table.Td ta="right" className="amount" c="dimmed">
                    {amount.previous === null ? '–' : formatAmount(amount.previous, currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="amount" c="dimmed">
                    {change.difference === null ? '–' : change.text}
                  </Table.Td>
                </>
              ) : null}
              <Table.Td ta="right" className="amount" c="dimmed">
                {amount.lines.toLocaleString('en-US')}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
      {total ? (
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid={`report-total-${currency}`}>
            <Table.Td>Total</Table.Td>
            <Table.Td
              ta="right"
              className="amount"
              data-value={total.charged}
              title={`exact ${total.exact}`}
            >
              {formatAmount(total.charged, currency)}
            </Table.Td>
            {compared ? (
              <>
                <Table.Td ta="right" className="amount">
                  {total.previous === null ? '–' : formatAmount(total.previous, currency)}
                </Table.Td>
                <Table.Td />
              </>
            ) : null}
            <Table.Td ta="right" className="amount">
              {total.lines.toLocaleString('en-US')}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      ) : null}
    </Table>
  )
}

/** The summary card content; with `onExplain`, each cost center's figure opens its explanation. */
export function ReportSummary({
  preview,
  onExplain,
}: {
  preview: ReportPreview
  onExplain?: ExplainFigure
}) {
  return (
    <Stack gap="md" data-testid="report-preview">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4}>
            {preview.kind === 'chargeback' ? 'Chargeback' : 'Showback'} {periodText(preview.period)}
          </Title>
          <Text size="sm" c="dimmed">
            {preview.ruleSet} · {preview.detailLines.toLocaleString('en-US')} lines from{' '}
            {preview.imports.length} import{preview.imports.length === 1 ? '' : 's'}
          </Text>
        </div>
        <Badge variant="light" tt="none" size="lg">
          {preview.targets.filter((t) => !t.unallocated).length} cost centers + Unallocated
        </Badge>
      </Group>
      {preview.totals.every((t) => t.previous === null) ? (
        <Text size="sm" c="dimmed">
          No data for {periodName(preview.previousPeriod)} in this workspace, so there is no
          month-on-month comparison.
        </Text>
      ) : null}
      {preview.currencies.map((currency) => (
        <Stack key={currency} gap={6}>
          <CurrencyTable preview={preview} currency={currency} onExplain={onExplain} />
          {preview.reconciliation
            .filter((line) => line.currency === currency)
            .map((line) => (
              <Text
                key={line.currency}
                size="sm"
                style={{ fontVariantNumeric: 'tabular-nums' }}
                c={line.ok ? 'teal.9' : 'red.8'}
                data-testid={`report-reconciliation-${currency}`}
                data-ok={line.ok}
              >
                {line.ok ? '✓' : '✗'} {reconciliationText(line, preview.metric)}
              </Text>
            ))}
        </Stack>
      ))}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Largest services
          </Text>
          <Table verticalSpacing={2} fz="sm" data-testid="top-services">
            <Table.Tbody>
              {preview.topServices.map((s) => (
                <Table.Tr key={`${s.currency}-${s.label}`}>
                  <Table.Td>{s.label}</Table.Td>
                  <Table.Td ta="right" className="amount">
                    {formatAmount(s.amount, s.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        {preview.pools.length > 0 ? (
          <div>
            <Text size="sm" fw={600} mb={4}>
              Shared pools
            </Text>
            {preview.pools.map((p) => (
              <Text key={p.id} size="xs" c="dimmed" mb={4}>
                <Text span size="xs" fw={600} c="dark">
                  {p.name} ({p.method}):
                </Text>{' '}
                {p.description}
              </Text>
            ))}
          </div>
        ) : null}
      </SimpleGrid>
    </Stack>
  )
}
