/** The Commitments tab of the Savings screen. */
import { Text } from '@mantine/core'

/** The Commitments tab. */
export function CommitmentsPanel() {
  return <Text c="dimmed">Commitments is not available in this build.</Text>
}
