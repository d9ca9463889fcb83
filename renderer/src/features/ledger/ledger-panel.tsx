/** The Ledger tab of the Weekly review screen. */
import { Text } from '@mantine/core'

/** The Ledger tab. */
export function LedgerPanel() {
  return <Text c="dimmed">Ledger is not available in this build.</Text>
}
