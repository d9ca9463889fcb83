/**
 * What the draft is previewed on (period, cost metric) and where rules come
 * from or go: the bundled example, a JSON file read in the page, a JSON
 * download. No path is ever named; files are read and written by the browser.
 */
import {
  Badge,
  Button,
  FileButton,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core'
import type { CostMetricName } from '../../../../shared/contract'
import { periodText } from '../../../../shared/report'
import { useAppStore } from '../../state/store-context'
import { downloadRules, readFileText } from './rules-file'

/** The metric picker, saying plainly which cost each one is. */
export function MetricPicker({
  value,
  onChange,
  testId,
}: {
  value: CostMetricName
  onChange: (m: CostMetricName) => void
  testId: string
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        Cost metric
      </Text>
      <SegmentedControl
        value={value}
        onChange={(m) => onChange(m as CostMetricName)}
        data={[
          { value: 'BilledCost', label: 'Billed (invoice)' },
          { value: 'EffectiveCost', label: 'Amortized (effective)' },
        ]}
        data-testid={testId}
      />
    </Stack>
  )
}

/** Where rules come from or go: the bundled example, a JSON file read in the page, a download. */
export function AllocateActions() {
  const draft = useAppStore((s) => s.draft)
  const loadExample = useAppStore((s) => s.loadExampleRules)
  const importRules = useAppStore((s) => s.importRules)
  const pick = (file: File | null): void => {
    if (file) void readFileText(file).then((text) => importRules(text, file.name))
  }
  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => void loadExample()} data-testid="load-example">
        Load example rules
      </Button>
      <FileButton accept="application/json,.json" onChange={pick}>
        {(props) => (
          <Button variant="default" {...props} data-testid="import-rules">
            Import JSON
          </Button>
        )}
      </FileButton>
      <Button
        variant="default"
        disabled={!draft}
        onClick={() => draft && downloadRules(draft)}
        data-testid="export-rules"
      >
        Export JSON
      </Button>
    </Group>
  )
}

/** The toolbar card content: what the draft is previewed on, and what the draft is. */
export function AllocateToolbar() {
  const periods = useAppStore((s) => s.allocPeriods)
  const period = useAppStore((s) => s.allocPeriod)
  const metric = useAppStore((s) => s.allocMetric)
  const draft = useAppStore((s) => s.draft)
  const origin = useAppStore((s) => s.draftOrigin)
  const preview = useAppStore((s) => s.allocPreview)
  const setView = useAppStore((s) => s.setAllocView)
  const saved = preview?.ruleVersion != null
  return (
    <Group gap="lg" align="flex-end" wrap="wrap">
      <Select
        label="Billing period"
        w={250}
        data={periods.map((p) => ({ value: p.period, label: periodText(p.period) }))}
        value={period}
        onChange={(p) => p && setView({ period: p })}
        allowDeselect={false}
        data-testid="alloc-period"
      />
      <MetricPicker value={metric} onChange={(m) => setView({ metric: m })} testId="alloc-metric" />
      {draft ? (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Rules
          </Text>
          <Group gap={6} h={36}>
            <Badge variant="light" size="lg" tt="none" data-testid="draft-origin">
              {origin ?? 'Draft'}
            </Badge>
            {preview ? (
              <Badge variant="dot" color={saved ? 'teal' : 'orange'} tt="none">
                {saved ? `saved as version ${preview.ruleVersion}` : 'not saved'}
              </Badge>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Group>
  )
}
