/** The Backlog tab of the Savings screen. */
import { Text } from '@mantine/core'

/** The Backlog tab. */
export function BacklogPanel() {
  return <Text c="dimmed">Backlog is not available in this build.</Text>
}
