/**
 * The live preview of the draft: per currency the coverage gauge, every cost
 * center before → after with Unallocated always shown, the reconciliation
 * line, and how each pool was split. When the draft is invalid the engine's
 * problems are listed (by dimension, rule and field) above the last good
 * preview, which is dimmed so it is not mistaken for the current one.
 */
import { Alert, Badge, Divider, Group, List, Loader, Stack, Text, Title } from '@mantine/core'
import type { AllocationPreview, FocalError } from '../../../../shared/contract'
import { REPORT_METRIC_LABEL, formatExact } from '../../../../shared/report'
import { adviceFor } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { CoverageGauge } from './coverage-gauge'
import { PoolsExplained } from './pools-explained'
import { PreviewTable } from './preview-table'

/** The engine's problems with some rules, each naming dimension, rule and field. */
export function Problems({
  error,
  title = 'The rules need a fix',
  testId = 'preview-error',
}: {
  error: FocalError
  title?: string
  testId?: string
}) {
  const problems = Array.isArray(error.details?.problems)
    ? (error.details.problems as string[])
    : []
  return (
    <Alert
      color="red"
      variant="light"
      title={problems.length ? title : error.message}
      data-testid={testId}
    >
      {problems.length ? (
        <List size="sm" spacing={2}>
          {problems.slice(0, 12).map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{adviceFor(error)}</Text>
      )}
    </Alert>
  )
}

/** The reconciliation line of one currency. */
export function AllocationReconciliation({
  line,
}: {
  line: AllocationPreview['reconciliation'][number]
}) {
  const c = line.currency || 'XXX'
  return (
    <Text
      size="sm"
      style={{ fontVariantNumeric: 'tabular-nums' }}
      c={line.equal ? 'teal.9' : 'red.8'}
      data-testid={`allocation-reconciliation-${line.currency}`}
      data-ok={line.equal}
    >
      {line.equal ? '✓' : '✗'} Sum of lines {formatExact(line.linesTotal, c)}{' '}
      {line.equal ? '=' : '≠'} period total {formatExact(line.periodTotal, c)}
    </Text>
  )
}

/** The preview card content. */
export function PreviewPanel() {
  const preview = useAppStore((s) => s.allocPreview)
  const task = useAppStore((s) => s.allocPreviewTask)
  const stale = task.status === 'failed'
  const currencies = preview ? [...new Set(preview.targets.map((t) => t.currency))] : []
  return (
    <Stack gap="sm" data-testid="allocation-preview">
      <Group justify="space-between" gap="xs">
        <Title order={4}>Preview</Title>
        <Group gap={6}>
          {task.status === 'running' ? <Loader size="xs" /> : null}
          {preview ? (
            <Badge variant="light" color="gray" tt="none">
              before:{' '}
              {preview.beforeVersion === null ? 'no rules' : `version ${preview.beforeVersion}`}
            </Badge>
          ) : null}
        </Group>
      </Group>
      {stale && task.error ? <Problems error={task.error} /> : null}
      {!preview ? (
        task.status === 'running' ? (
          <Loader m="md" />
        ) : !stale ? (
          <Text c="dimmed" size="sm">
            Load or write rules to see where the cost goes.
          </Text>
        ) : null
      ) : (
        <Stack gap="md" style={{ opacity: stale ? 0.45 : 1 }}>
          <Text size="sm" c="dimmed">
            {preview.period} · {REPORT_METRIC_LABEL[preview.metric]} · {preview.dimension.label} ·{' '}
            {preview.rows.toLocaleString('en-US')} lines{stale ? ' · last valid rules' : ''}
          </Text>
          {currencies.map((currency) => {
            const coverage = preview.coverage.find((c) => c.currency === currency)
            return (
              <Stack key={currency} gap="xs">
                {coverage ? (
                  <CoverageGauge coverage={coverage} target={preview.coverageTarget} />
                ) : null}
                <PreviewTable preview={preview} currency={currency} />
                {preview.reconciliation
                  .filter((r) => r.currency === currency)
                  .map((r) => (
                    <AllocationReconciliation key={r.currency} line={r} />
                  ))}
              </Stack>
            )
          })}
          <Divider label="Shared pools and residues" labelPosition="left" />
          <PoolsExplained preview={preview} />
        </Stack>
      )}
    </Stack>
  )
}
