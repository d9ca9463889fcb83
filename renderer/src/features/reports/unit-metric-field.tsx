/**
 * The showback pack's unit costs "when asked" (issue 13, Unit economics): a business metric
 * to divide the month's cost by, empty for none. With one picked the pack lists
 * `<pack>-unit-costs.csv`, as `focal report showback --unit-metric` does.
 */
import { Select } from '@mantine/core'
import { useEffect } from 'react'
import { useAppStore } from '../../state/store-context'

/** The unit-metric select of a showback pack. */
export function UnitMetricField() {
  const metrics = useAppStore((s) => s.unitCosts.metrics?.metrics ?? null)
  const value = useAppStore((s) => s.unitCosts.packUnitMetric)
  const load = useAppStore((s) => s.loadMetricNames)
  const setValue = useAppStore((s) => s.setPackUnitMetric)
  useEffect(() => void load(), [load])
  const names = [...new Set((metrics ?? []).map((m) => m.metric))]
  return (
    <Select
      label="Unit costs"
      description={
        names.length === 0
          ? 'No business metrics imported (Savings → Unit costs)'
          : 'Adds the cost per unit of the month to the pack (CSV)'
      }
      placeholder="None"
      data={names}
      value={value || null}
      onChange={(metric) => setValue(metric ?? '')}
      clearable
      disabled={names.length === 0}
      w={300}
      data-testid="report-unit-metric"
    />
  )
}
