/** One budget in the table: its figures, its actual opening its rows, and an inline edit of amount and thresholds. */
import { ActionIcon, Button, Group, Table, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import type { BudgetStatus } from '../../../../shared/contract/budgets'
import { formatMoney } from '../../../../shared/money'
import { useAppStore } from '../../state/store-context'
import { useEditLock } from '../presentation/edit-lock'
import { BudgetProgress } from './budget-progress'
import { budgetRowsRequest } from './budget-rows-request'
import { parseAmountText, parseThresholdsText } from './thresholds-text'

/** A table row; `asOf` is the last day the actual counts. */
export function BudgetRow({ budget, asOf }: { budget: BudgetStatus; asOf: string | null }) {
  const openRows = useAppStore((s) => s.openRows)
  const save = useAppStore((s) => s.saveBudget)
  const remove = useAppStore((s) => s.deleteBudget)
  const lock = useEditLock()
  const [editing, setEditing] = useState(false)
  const [amount, setAmount] = useState(budget.amount)
  const [thresholds, setThresholds] = useState(budget.thresholds.join(';'))
  const money = (v: string): string => formatMoney(v, budget.currency)
  const key = {
    period: budget.period,
    dimension: budget.dimension,
    value: budget.value,
    currency: budget.currency,
  }
  const parsedAmount = parseAmountText(amount)
  const parsedThresholds = parseThresholdsText(thresholds)
  const commit = async (): Promise<void> => {
    if (!parsedAmount || !parsedThresholds) return
    if (await save({ ...key, amount: parsedAmount, thresholds: parsedThresholds }))
      setEditing(false)
  }
  return (
    <Table.Tr data-testid="budget-row" data-value={budget.value}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {budget.value}
        </Text>
        <Text size="xs" c="dimmed">
          {budget.dimension}
        </Text>
      </Table.Td>
      <Table.Td>{budget.currency}</Table.Td>
      <Table.Td ta="right">
        {editing ? (
          <TextInput
            size="xs"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={parsedAmount === null}
            aria-label="Amount"
            data-testid="budget-edit-amount"
          />
        ) : (
          money(budget.amount)
        )}
      </Table.Td>
      <Table.Td ta="right">
        <UnstyledButton
          onClick={() =>
            openRows(
              `${budget.value} ${budget.currency}, ${budget.period}`,
              budgetRowsRequest(budget, asOf),
            )
          }
          title="Show the rows behind this figure"
          style={{ textDecoration: 'underline dotted' }}
          data-testid="budget-actual"
        >
          {money(budget.actual)}
        </UnstyledButton>
      </Table.Td>
      <Table.Td>
        <BudgetProgress budget={budget} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{money(budget.forecast)}</Text>
        <Text size="xs" c="dimmed" data-testid="budget-range">
          {`${money(budget.forecastLow)} – ${money(budget.forecastHigh)}`}
        </Text>
      </Table.Td>
      <Table.Td data-testid="budget-crossed">
        {editing ? (
          <TextInput
            size="xs"
            value={thresholds}
            onChange={(e) => setThresholds(e.currentTarget.value)}
            error={parsedThresholds === null}
            aria-label="Thresholds %"
            data-testid="budget-edit-thresholds"
          />
        ) : (
          budget.thresholds.map((t) => {
            const day = budget.crossed.find((c) => c.threshold === t)?.day
            return (
              <Text key={t} size="xs" c={day ? undefined : 'dimmed'}>
                {day ? `${t}% on ${day}` : `${t}% not yet`}
              </Text>
            )
          })
        )}
      </Table.Td>
      <Table.Td data-testid="budget-day100">
        {budget.day100 ? `${budget.day100}${budget.day100Forecast ? ' (forecast)' : ''}` : '–'}
      </Table.Td>
      <Table.Td>
        {editing ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" onClick={() => void commit()} data-testid="budget-edit-save">
              Save
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => setEditing(true)}
              data-testid="budget-edit"
              {...lock()}
            >
              Edit
            </Button>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`Delete the budget of ${budget.value}`}
              onClick={() => void remove(key)}
              data-testid="budget-delete"
              {...lock()}
            >
              ×
            </ActionIcon>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
