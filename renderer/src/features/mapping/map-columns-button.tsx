/** Offered on a CSV refused as matching no known format: opens the mapping screen for it. */
import { Button, Group } from '@mantine/core'
import { useAppStore } from '../../state/store-context'

/** The "Map columns…" button of the failed import outcome `index`. */
export function MapColumnsButton({ index }: { index: number }) {
  const openMapping = useAppStore((s) => s.openMapping)
  const running = useAppStore((s) => s.importTask.status === 'running')
  return (
    <Group gap="xs" mt={4}>
      <Button
        size="xs"
        disabled={running}
        onClick={() => void openMapping(index)}
        data-testid="map-columns"
      >
        Map columns…
      </Button>
    </Group>
  )
}
