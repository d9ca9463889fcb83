/**
 * Coverage against the target: the share of a currency's cost that landed on
 * a cost center, as a bar with the target marked, and the verdict in words
 * (the engine compares exact decimals; the bar is only a picture of it).
 */
import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core'
import type { AllocationPreview } from '../../../../shared/contract'
import { formatMoney } from '../../../../shared/money'

/** The gauge of one currency. */
export function CoverageGauge({
  coverage,
  target,
}: {
  coverage: AllocationPreview['coverage'][number]
  target: number
}) {
  const percent = coverage.percent === null ? null : Number(coverage.percent)
  const shown = percent === null ? 0 : Math.max(0, Math.min(100, percent))
  const color = coverage.meetsTarget ? 'teal' : 'orange'
  return (
    <Stack gap={4} data-testid={`coverage-${coverage.currency}`} data-meets={coverage.meetsTarget}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          Coverage {percent === null ? 'n/a' : `${coverage.percent}%`}
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            · target {target}%
          </Text>
        </Text>
        <Badge color={color} variant="light">
          {coverage.meetsTarget ? 'meets the target' : 'below the target'}
        </Badge>
      </Group>
      <Box pos="relative">
        <Progress value={shown} color={color} size="lg" radius="sm" aria-label="Coverage" />
        <Box
          pos="absolute"
          top={-3}
          bottom={-3}
          left={`${Math.max(0, Math.min(100, target))}%`}
          w={2}
          bg="dark.6"
          title={`Target ${target}%`}
        />
      </Box>
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(coverage.allocated, coverage.currency)} on cost centers ·{' '}
        {formatMoney(coverage.unallocated, coverage.currency)} Unallocated
      </Text>
    </Stack>
  )
}
