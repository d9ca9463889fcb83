/** The pivot's value filters as chips (one per filter, removable); nothing when there are none. */
import { Badge, CloseButton, Group, Text } from '@mantine/core'
import { dimensionLabel, NONE_LABEL, type Filter } from '../../../../shared/pivot'
import { useAppStore } from '../../state/store-context'

// Few values read in full; a long list (from drill-through or a view file) is counted instead.
const SHOWN_VALUES = 3

/** A filter as a person reads it: "ServiceName: Amazon EC2", "Region is not: a, b". */
export function filterText(filter: Filter): string {
  const values = filter.values.map((v) => v ?? NONE_LABEL)
  const list =
    values.length > SHOWN_VALUES
      ? `${values.slice(0, SHOWN_VALUES).join(', ')} and ${values.length - SHOWN_VALUES} more`
      : values.join(', ')
  return `${dimensionLabel(filter.dimension)}${filter.op === 'in' ? ':' : ' is not:'} ${list}`
}

/** The chips under the builder; removing one drops that filter from the pivot. */
export function FilterChips() {
  const filters = useAppStore((s) => s.spec.filters)
  const updateSpec = useAppStore((s) => s.updateSpec)
  if (filters.length === 0) return null
  return (
    <Group gap="xs" mt="sm" data-testid="filter-chips">
      <Text size="sm" c="dimmed">
        Filters
      </Text>
      {filters.map((filter, index) => (
        // A badge with its own close button: Mantine's Pill hides its remove button from keyboards and screen readers.
        <Badge
          key={`${index}:${JSON.stringify(filter)}`}
          variant="light"
          tt="none"
          size="lg"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={`Remove filter ${filterText(filter)}`}
              onClick={() => updateSpec({ filters: filters.filter((_, i) => i !== index) })}
            />
          }
          data-testid="filter-chip"
        >
          {filterText(filter)}
        </Badge>
      ))}
    </Group>
  )
}
