/**
 * What the pack is about: chargeback or showback, the billing period, the
 * cost metric (billed = the invoice, amortized = commitments spread over the
 * usage they covered), and where the cost centers come from — the saved
 * allocation rules, or the value of a FOCUS column or tag.
 */
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { periodText } from '../../../../shared/report'
import { useAppStore } from '../../state/store-context'
import { MetricPicker } from '../allocate/allocate-toolbar'
import { dimensionOptions } from '../explore/pivot-builder'
import { formatUtcTime } from '../../../../shared/dates'
import { UnitMetricField } from './unit-metric-field'

const METRIC_HELP = {
  BilledCost:
    'Billed cost is what the invoice says (FOCUS BilledCost); it reconciles to the invoice.',
  EffectiveCost:
    'Amortized effective cost spreads commitment purchases over the usage they covered (FOCUS EffectiveCost).',
} as const

/** The controls card content. */
export function ReportControls() {
  const report = useAppStore((s) => s.report)
  const setReport = useAppStore((s) => s.setReport)
  const periods = useAppStore((s) => s.allocPeriods)
  const latest = useAppStore((s) => s.saved?.latest ?? null)
  const catalog = useAppStore((s) => s.catalog)
  const byRules = 'rules' in report.source
  const by = 'by' in report.source ? report.source.by : 'SubAccountName'
  return (
    <Stack gap="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Report
          </Text>
          <SegmentedControl
            value={report.kind}
            onChange={(kind) => setReport({ kind: kind as 'chargeback' | 'showback' })}
            data={[
              { value: 'chargeback', label: 'Chargeback' },
              { value: 'showback', label: 'Showback' },
            ]}
            data-testid="report-kind"
          />
        </Stack>
        <Select
          label="Billing period"
          w={250}
          data={periods.map((p) => ({ value: p.period, label: periodText(p.period) }))}
          value={report.period || null}
          onChange={(period) => period && setReport({ period })}
          allowDeselect={false}
          data-testid="report-period"
        />
        <MetricPicker
          value={report.metric}
          onChange={(metric) => setReport({ metric })}
          testId="report-metric"
        />
        {report.kind === 'showback' ? <UnitMetricField /> : null}
      </Group>
      <Text size="xs" c="dimmed" mt={-8}>
        {report.kind === 'chargeback'
          ? 'Chargeback: what each cost center is charged, with journal lines for the ledger. '
          : 'Showback: what each cost center cost, for information. '}
        {METRIC_HELP[report.metric]}
      </Text>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Cost centers from
          </Text>
          <SegmentedControl
            value={byRules ? 'rules' : 'by'}
            onChange={(v) => setReport({ source: v === 'rules' ? { rules: 'saved' } : { by } })}
            data={[
              {
                value: 'rules',
                label: latest
                  ? `Saved rules (version ${latest.version})`
                  : 'Saved rules (none yet)',
              },
              { value: 'by', label: 'A column or tag' },
            ]}
            data-testid="report-source"
          />
        </Stack>
        {byRules ? (
          <Text size="sm" c="dimmed" maw={520}>
            {latest
              ? `Version ${latest.version}: “${latest.note}” — ${latest.author}, ${formatUtcTime(latest.createdAt)}.`
              : 'No rules are saved yet: save a version on the Allocate screen, or report by a column or tag.'}
          </Text>
        ) : (
          <Select
            label="Column or tag"
            w={260}
            searchable
            data={dimensionOptions(catalog)}
            value={by}
            onChange={(value) => value && setReport({ source: { by: value } })}
            allowDeselect={false}
            data-testid="report-by"
          />
        )}
      </Group>
    </Stack>
  )
}
