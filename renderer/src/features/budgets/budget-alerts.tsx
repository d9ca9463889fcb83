/** The alerts of the month: each threshold a budget crossed, with the day, the latest first. */
import { Alert, List, Text } from '@mantine/core'
import type { BudgetAlert } from '../../../../shared/contract/budgets'
import { formatMoney } from '../../../../shared/money'

/** The alerts list (Focal is offline: the list is the alert). */
export function BudgetAlerts({ alerts }: { alerts: readonly BudgetAlert[] }) {
  if (alerts.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="budget-alerts-none">
        No budget has crossed a threshold this month.
      </Text>
    )
  return (
    <Alert color="orange" title={`Alerts (${alerts.length})`} data-testid="budget-alerts">
      <List size="sm" spacing={2}>
        {alerts.map((a) => (
          <List.Item
            key={`${a.dimension}|${a.value}|${a.currency}|${a.threshold}`}
            data-testid="budget-alert"
          >
            {`${a.value} (${a.dimension}, ${a.currency}) crossed ${a.threshold}% on ${a.day}: ` +
              `${formatMoney(a.actual, a.currency)} of ${formatMoney(a.amount, a.currency)} to date`}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
