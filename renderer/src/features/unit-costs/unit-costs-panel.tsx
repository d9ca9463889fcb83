/** The Unit costs tab of the Savings screen. */
import { Text } from '@mantine/core'

/** The Unit costs tab. */
export function UnitCostsPanel() {
  return <Text c="dimmed">Unit costs is not available in this build.</Text>
}
