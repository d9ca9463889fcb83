/** The Vendors tab of the Savings screen. */
import { Text } from '@mantine/core'

/** The Vendors tab. */
export function VendorsPanel() {
  return <Text c="dimmed">Vendors is not available in this build.</Text>
}
