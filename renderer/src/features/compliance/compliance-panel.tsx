/**
 * The Tag compliance tab of the Savings screen (issue 13): for a billing period, the share of
 * cost on rows tagged as the policy asks, per currency and in the metric chosen; the trend;
 * the breakdowns by owner, account and service; the resources to fix, each opening its
 * rows; a CSV per owner; and the policy editor beside them.
 */
import {
  Alert,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { useCallback, useEffect } from 'react'
import type { ComplianceReport } from '../../../../shared/contract/compliance'
import { Amount } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadBlob } from '../mapping/download'
import { ComplianceTrend } from './compliance-trend'
import { BreakdownTable, KeysTable, percentText, ResourcesTable } from './compliance-tables'
import { PolicyEditor } from './policy-editor'

/** The Tag compliance tab. */
export function CompliancePanel() {
  const compliance = useAppStore((s) => s.compliance)
  const load = useAppStore((s) => s.loadCompliance)
  const setPeriod = useAppStore((s) => s.setCompliancePeriod)
  const setMetric = useAppStore((s) => s.setComplianceMetric)
  const ownerCsv = useAppStore((s) => s.complianceOwnerCsv)
  useEffect(() => void load(), [load])
  const { report, task } = compliance
  const busy = task.status === 'running' || task.status === 'idle'
  const onPeriod = useCallback((p: string) => void setPeriod(p), [setPeriod])
  const download = useCallback(
    (owner: string) =>
      void ownerCsv(owner).then((file) =>
        downloadBlob(file.fileName, new Blob([file.text], { type: 'text/csv' })),
      ),
    [ownerCsv],
  )
  const policy = compliance.draft ?? compliance.stored?.policy ?? null
  return (
    <div data-testid="compliance-panel" aria-busy={busy}>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Group align="flex-end" gap="md">
              <Select
                label="Billing period"
                w={160}
                allowDeselect={false}
                data={report?.periods ?? []}
                value={compliance.period}
                onChange={(p) => p && onPeriod(p)}
                data-testid="compliance-period"
              />
              <SegmentedControl
                value={compliance.metric}
                onChange={(m) =>
                  void setMetric(m === 'EffectiveCost' ? 'EffectiveCost' : 'BilledCost')
                }
                data={['BilledCost', 'EffectiveCost']}
                aria-label="Cost metric"
              />
            </Group>
            {task.status === 'failed' && task.error ? (
              <ErrorAlert error={task.error} title="Tag compliance could not be measured" />
            ) : null}
            {compliance.policyTask.status === 'failed' && compliance.policyTask.error ? (
              <ErrorAlert
                error={compliance.policyTask.error}
                title="The tag policy was not saved"
              />
            ) : null}
            {report ? (
              <ReportView report={report} onPeriod={onPeriod} onDownload={download} />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {policy ? (
            <Paper withBorder p="sm">
              <PolicyEditor
                key={`${compliance.stored?.version ?? 'default'}|${compliance.draft ? 'draft' : 'stored'}`}
                policy={policy}
              />
            </Paper>
          ) : null}
        </Grid.Col>
      </Grid>
    </div>
  )
}

function ReportView({
  report,
  onPeriod,
  onDownload,
}: {
  report: ComplianceReport
  onPeriod: (period: string) => void
  onDownload: (owner: string) => void
}) {
  if (report.period === null)
    return (
      <Alert color="gray">No imported rows: import billing data to measure tag compliance.</Alert>
    )
  const period = report.period
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {report.totals.map((t) => (
          <Paper
            key={t.currency ?? ''}
            withBorder
            p="md"
            data-testid="compliance-total"
            data-currency={t.currency ?? ''}
          >
            <Text size="sm" c="dimmed">
              Compliant share of {report.metric}, {t.currency ?? '(no currency)'}, {period}
            </Text>
            <Title order={2} data-testid="compliance-percent">
              {percentText(t.percent)}
            </Title>
            <Text size="sm">
              <Amount value={t.compliant} currency={t.currency ?? ''} /> of{' '}
              <Amount value={t.cost} currency={t.currency ?? ''} /> in scope ({t.compliantRows} of{' '}
              {t.rows} rows)
              {t.outOfScope !== '0' ? (
                <>
                  ; <Amount value={t.outOfScope} currency={t.currency ?? ''} /> out of scope
                </>
              ) : null}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Required:{' '}
        {report.keys.length === 0
          ? ''
          : [...new Set(report.keys.map((k) => k.reads.join(' / ')))].join(', ')}
        {report.policySource === 'draft' ? ' (edited policy, not saved)' : ''}
      </Text>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm">
          Trend (compliant share of {report.metric} per billing period)
        </Text>
        <ComplianceTrend report={report} onPeriod={onPeriod} />
      </Paper>
      <div>
        <Text fw={600} mb={4}>
          Largest resources to fix
        </Text>
        <ResourcesTable report={report} />
      </div>
      <Tabs defaultValue="owner">
        <Tabs.List>
          <Tabs.Tab value="owner">By owner ({report.policy.ownerKey})</Tabs.Tab>
          <Tabs.Tab value="account">By account</Tabs.Tab>
          <Tabs.Tab value="service">By service</Tabs.Tab>
          <Tabs.Tab value="key">By key</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="owner" pt="xs">
          <BreakdownTable
            title="Owner"
            groups={report.byOwner}
            period={period}
            column={null}
            onDownload={onDownload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="account" pt="xs">
          <BreakdownTable
            title="Account"
            groups={report.byAccount}
            period={period}
            column="SubAccountId"
          />
        </Tabs.Panel>
        <Tabs.Panel value="service" pt="xs">
          <BreakdownTable
            title="Service"
            groups={report.byService}
            period={period}
            column="ServiceName"
          />
        </Tabs.Panel>
        <Tabs.Panel value="key" pt="xs">
          <KeysTable report={report} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
