/**
 * The rule set's settings: how special rows are treated before any rule
 * (commitments, credits, refunds, taxes, adjustments), the decimals split
 * parts are rounded to, and the coverage the team aims for.
 */
import {
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { Policies } from '../../../../shared/allocate/rule-set'
import { useAppStore } from '../../state/store-context'

const ROW_POLICY = [
  { value: 'rules', label: 'Follow the rules like any row' },
  { value: 'proportional', label: 'Spread by direct cost' },
  { value: 'separate', label: 'Separate line' },
]

const POLICIES: ReadonlyArray<{ name: keyof Policies; label: string; description: string }> = [
  { name: 'credits', label: 'Credits', description: 'ChargeCategory Credit' },
  { name: 'refunds', label: 'Refunds and corrections', description: 'ChargeClass Correction' },
  { name: 'taxes', label: 'Taxes', description: 'ChargeCategory Tax' },
  { name: 'adjustments', label: 'Adjustments', description: 'ChargeCategory Adjustment' },
]

/** The settings card content. */
export function PoliciesEditor() {
  const draft = useAppStore((s) => s.draft)
  const editDraft = useAppStore((s) => s.editDraft)
  if (!draft) return null
  const policies = draft.policies
  return (
    <Stack gap="md">
      <TextInput
        label="Rule set name"
        size="sm"
        value={draft.name ?? ''}
        onChange={(e) => {
          const name = e.currentTarget.value
          editDraft((d) => void (d.name = name || undefined))
        }}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Commitments (savings plans, reservations): purchases and unused commitment
        </Text>
        <SegmentedControl
          fullWidth
          value={policies.commitments}
          onChange={(v) =>
            editDraft((d) => void (d.policies.commitments = v as Policies['commitments']))
          }
          data={[
            { value: 'withUsage', label: 'With the usage' },
            { value: 'separate', label: 'Separate line' },
            { value: 'rules', label: 'Follow the rules' },
          ]}
          data-testid="policy-commitments"
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {POLICIES.map((p) => (
          <Select
            key={p.name}
            label={p.label}
            description={p.description}
            data={ROW_POLICY}
            value={policies[p.name]}
            allowDeselect={false}
            onChange={(v) => v && editDraft((d) => void (d.policies[p.name] = v as never))}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <NumberInput
          label="Rounding scale"
          description="Decimals each split part is rounded to; the residue goes to the largest share"
          min={0}
          max={18}
          value={draft.scale}
          onChange={(v) =>
            typeof v === 'number' && editDraft((d) => void (d.scale = Math.round(v)))
          }
        />
        <NumberInput
          label="Coverage target"
          description="Share of cost that should land on a cost center, not in Unallocated"
          min={0}
          max={100}
          suffix="%"
          value={draft.coverageTarget}
          onChange={(v) => typeof v === 'number' && editDraft((d) => void (d.coverageTarget = v))}
          data-testid="coverage-target"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        These settings apply to every dimension. Special rows are checked before the rules, in this
        order: taxes, credits, refunds, adjustments, commitments.
      </Text>
    </Stack>
  )
}
