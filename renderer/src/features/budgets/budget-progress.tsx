/** A budget's % used as a bar coloured by the thresholds it crossed. */
import { Group, Progress, Text } from '@mantine/core'
import type { BudgetStatus } from '../../../../shared/contract/budgets'

/** The colour of the highest threshold crossed: none teal, below 80% yellow, below 100% orange, else red. */
export function thresholdColor(budget: BudgetStatus): string {
  const top = Math.max(0, ...budget.crossed.map((c) => c.threshold))
  if (top >= 100) return 'red'
  if (top >= 80) return 'orange'
  return top > 0 ? 'yellow' : 'teal'
}

/** The bar and its percent (capped at 100% wide; the text says the real figure). */
export function BudgetProgress({ budget }: { budget: BudgetStatus }) {
  const used = budget.percentUsed === null ? 0 : Number(budget.percentUsed)
  return (
    <Group gap={6} wrap="nowrap" miw={150}>
      <Progress
        value={Math.min(100, Math.max(0, used))}
        color={thresholdColor(budget)}
        w={90}
        aria-label={`${budget.percentUsed ?? '-'}% used`}
      />
      <Text size="sm" data-testid="budget-used">
        {budget.percentUsed === null ? '–' : `${budget.percentUsed}%`}
      </Text>
    </Group>
  )
}
