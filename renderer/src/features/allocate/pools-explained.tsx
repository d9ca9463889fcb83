/**
 * How each shared pool was split — method, basis, amount, how many cost
 * centers — and where every rounding residue went, so the preview can be
 * checked by hand before it is saved.
 */
import { Badge, Group, List, Stack, Text } from '@mantine/core'
import type { AllocationPreview } from '../../../../shared/contract'
import { formatExact } from '../../../../shared/report'

/** The pools and residues of a preview. */
export function PoolsExplained({ preview }: { preview: AllocationPreview }) {
  if (preview.pools.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No shared pools in this dimension.
      </Text>
    )
  return (
    <Stack gap={6} data-testid="pools-explained">
      {preview.pools.map((p, i) => {
        const residue = preview.residues.find(
          (r) => r.pool === p.pool && r.currency === p.currency && r.group === p.group,
        )
        return (
          <div key={i}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {p.label}
              </Text>
              <Badge size="xs" variant="light" color="grape">
                {p.method}
              </Badge>
              {p.group ? (
                <Text size="xs" c="dimmed">
                  [{p.group}]
                </Text>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatExact(p.amount, p.currency)} from {p.rows} row{p.rows === 1 ? '' : 's'}
              {p.unsplit
                ? ` → left in Unallocated: ${p.unsplit}`
                : ` split by ${p.basis} among ${p.targets} cost center${p.targets === 1 ? '' : 's'}`}
            </Text>
            {residue && residue.placements.length > 0 ? (
              <List size="xs" c="dimmed" spacing={0}>
                <List.Item>
                  rounding residue {formatExact(residue.amount, residue.currency)} placed on{' '}
                  {residue.placements
                    .map((x) => `${x.target} ${formatExact(x.amount, residue.currency)}`)
                    .join(', ')}
                </List.Item>
              </List>
            ) : null}
          </div>
        )
      })}
    </Stack>
  )
}
