/**
 * One currency of the preview: every cost center before (the saved rules, or
 * none) and after (the draft), the after split into what its rules sent it
 * directly and its shares of pools. Amounts are rounded to cents for reading
 * (the exact value is in each cell's tooltip); Before and After show the
 * engine's charged cents — the same rounding Reports uses, so the column adds
 * up to its Total and every cost center reads the same on both screens. The
 * currency is in the header.
 * Unallocated is always the last row, shown even at zero.
 */
import { Table, Text } from '@mantine/core'
import type { AllocationPreview } from '../../../../shared/contract'
import { subtractDecimals, sumDecimals, toScaled } from '../../../../shared/money'

const number = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

/** An amount without its currency code, for a table whose header names the currency. */
function Cell({
  value,
  exact = value,
  signed = false,
  strong = false,
}: {
  value: string
  /** The exact amount behind a rounded `value`, for the tooltip. */
  exact?: string
  signed?: boolean
  strong?: boolean
}) {
  const zero = toScaled(value) === 0n
  const text = number.format(value as unknown as number)
  return (
    <Table.Td
      ta="right"
      className="amount"
      fw={strong ? 700 : undefined}
      c={zero && signed ? 'dimmed' : undefined}
      title={exact}
      data-value={exact}
    >
      {signed ? (zero ? '—' : `${toScaled(value) > 0n ? '+' : ''}${text}`) : text}
    </Table.Td>
  )
}

/** The before → after table of `currency`. */
export function PreviewTable({
  preview,
  currency,
}: {
  preview: AllocationPreview
  currency: string
}) {
  const rows = preview.targets.filter((t) => t.currency === currency)
  const total = (pick: (t: (typeof rows)[number]) => string): string => sumDecimals(rows.map(pick))
  return (
    <Table
      verticalSpacing={5}
      horizontalSpacing={6}
      fz="sm"
      data-testid={`preview-table-${currency}`}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cost center · {currency || '(no currency)'}</Table.Th>
          <Table.Th ta="right">Before</Table.Th>
          <Table.Th ta="right">Direct</Table.Th>
          <Table.Th ta="right">Shared</Table.Th>
          <Table.Th ta="right">After</Table.Th>
          <Table.Th ta="right">Change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((t) => (
          <Table.Tr
            key={t.target}
            data-testid="preview-row"
            data-target={t.target}
            bg={t.unallocated ? (toScaled(t.after) === 0n ? 'teal.0' : 'orange.0') : undefined}
          >
            <Table.Td>
              <Text size="sm" fw={t.unallocated ? 700 : 500}>
                {t.target}
              </Text>
              {t.unallocated ? (
                <Text size="xs" c="dimmed">
                  cost no rule matched
                </Text>
              ) : null}
            </Table.Td>
            <Cell value={t.chargedBefore} exact={t.before} />
            <Cell value={t.direct} />
            <Cell value={t.shared} />
            <Cell value={t.charged} exact={t.after} strong />
            <Cell value={subtractDecimals(t.charged, t.chargedBefore)} exact={t.change} signed />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td>Total</Table.Td>
          <Cell value={total((t) => t.chargedBefore)} exact={total((t) => t.before)} strong />
          <Cell value={total((t) => t.direct)} strong />
          <Cell value={total((t) => t.shared)} strong />
          <Cell value={total((t) => t.charged)} exact={total((t) => t.after)} strong />
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}
