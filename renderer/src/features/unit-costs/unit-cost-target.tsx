/**
 * The allocation-target slice of the Unit costs tab: a target of the latest saved rules (what
 * it receives: its direct cost plus its shares of the pools, as the chargeback pack charges
 * it), or, without saved rules, what to do first.
 */
import { Select, Text } from '@mantine/core'
import type { UnitCostRequest, UnitCostSeries } from '../../../../shared/contract/unit-costs'
import type { UnitCostChoices } from '../../state/unit-costs-slice'
import { useAppStore } from '../../state/store-context'

/** The target select, or why there is none. */
export function TargetPicker() {
  const targets = useAppStore((s) => s.unitCosts.targets)
  const target = useAppStore((s) => s.unitCosts.choices.target)
  const choose = useAppStore((s) => s.chooseUnitCosts)
  if (targets === null)
    return (
      <Text size="sm" c="dimmed" data-testid="unit-targets-loading">
        Reading the targets of the saved rules…
      </Text>
    )
  if (targets.ruleVersion === null)
    return (
      <Text size="sm" c="dimmed" maw={420} data-testid="unit-targets-none">
        No allocation rules are saved, so no target has cost yet. Save rules first on the Allocate
        screen (or focal allocate --rules rules.json --save).
      </Text>
    )
  return (
    <Select
      label="Target"
      description={`${targets.dimension ?? 'Targets'} of rule version ${targets.ruleVersion}`}
      data={targets.targets}
      value={target}
      onChange={(v) => v && void choose({ target: v })}
      allowDeselect={false}
      searchable
      w={260}
      data-testid="unit-target"
    />
  )
}

/** What the cost of the slice is, in words, for the method line. */
export function sliceText(
  series: UnitCostSeries,
  request: UnitCostRequest,
  choices: UnitCostChoices,
): string {
  const a = series.allocation
  if (a)
    return `what ${a.target} (${a.dimension}, rule version ${a.ruleVersion}) receives: its direct cost plus its shares of the pools, as the chargeback pack charges it (a figure opens the rows of its direct part)`
  return request.filters.length
    ? `the rows where ${choices.sliceBy.trim()} is ${choices.sliceValue.trim()}`
    : 'all rows'
}
