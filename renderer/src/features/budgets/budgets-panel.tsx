/** The Budgets tab of the Weekly review screen. */
import { Text } from '@mantine/core'

/** The Budgets tab. */
export function BudgetsPanel() {
  return <Text c="dimmed">Budgets is not available in this build.</Text>
}
