/** The Anomalies tab of the Weekly review screen. */
import { Text } from '@mantine/core'

/** The Anomalies tab. */
export function AnomaliesPanel() {
  return <Text c="dimmed">Anomalies is not available in this build.</Text>
}
