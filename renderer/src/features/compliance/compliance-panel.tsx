/** The Tag compliance tab of the Savings screen. */
import { Text } from '@mantine/core'

/** The Tag compliance tab. */
export function CompliancePanel() {
  return <Text c="dimmed">Tag compliance is not available in this build.</Text>
}
