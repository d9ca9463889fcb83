/**
 * The details of one import, in a drawer opened from the import registry (issue 8: Validation
 * and import details): the file's identity, the outcome, source against stored totals, the rules
 * checked, the fixes applied, the columns kept and the deliveries it replaced.
 */
import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Drawer,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import type { ReactNode } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { formatUtcTime } from '../../../../shared/dates'
import { formatBytes } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { ColumnsKept, FixesApplied, RulesChecked } from './import-details-checks'
import { ImportLineage } from './import-details-lineage'
import { ImportMappingRules } from './import-details-mapping'
import { assumedLine, deliveryPartLine, missingPartsLine } from './import-details-source-model'
import { ImportTotals } from './import-details-totals'
import { STATUS_COLORS } from './import-status'

/** A label and its value, as one row of the facts table. */
function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={130} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  )
}

/** The whole SHA-256 (it identifies the file) with a button to copy it. */
function FullSha({ sha256 }: { sha256: string }) {
  if (!sha256) return <>—</>
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }} data-sha256={sha256}>
        {sha256}
      </Text>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="default" onClick={copy} aria-label="Copy SHA-256">
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  )
}

function Facts({ record }: { record: ImportRecord }) {
  return (
    <Table variant="vertical" verticalSpacing={4} withTableBorder data-testid="details-facts">
      <Table.Tbody>
        <Fact label="File" testId="details-file">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {record.fileName}
          </Text>
        </Fact>
        <Fact label="SHA-256" testId="details-sha256">
          <FullSha sha256={record.sha256} />
        </Fact>
        <Fact label="Size" testId="details-size">
          {formatBytes(record.sizeBytes)} ({record.sizeBytes.toLocaleString('en-US')} bytes)
        </Fact>
        <Fact label="Format" testId="details-format">
          {record.format}
        </Fact>
        {record.delivery ? (
          <Fact label="Delivery" testId="details-delivery">
            {deliveryPartLine(record.delivery)}
          </Fact>
        ) : null}
        {record.mapping ? (
          <Fact label="Column mapping" testId="details-mapping-fact">
            {record.mapping.name} (sha256 {record.mapping.sha256.slice(0, 12)})
          </Fact>
        ) : null}
        {record.assumed?.length ? (
          <Fact label="Values supplied" testId="details-assumed">
            {assumedLine(record.assumed)}
          </Fact>
        ) : null}
        <Fact label="FOCUS version" testId="details-focus-version">
          {record.focusVersion ?? '—'}
        </Fact>
        <Fact label="Rows stored" testId="details-row-count">
          {record.rowCount.toLocaleString('en-US')}
        </Fact>
        <Fact label="Status" testId="details-status">
          <Group gap={4}>
            <Badge size="sm" color={STATUS_COLORS[record.status]} variant="light">
              {record.status}
            </Badge>
            {record.reconciled ? (
              <Badge size="sm" color="green" variant="filled">
                reconciled
              </Badge>
            ) : null}
            {record.supersededBy != null ? (
              <Badge size="sm" color="orange" variant="light">
                superseded
              </Badge>
            ) : null}
          </Group>
        </Fact>
        <Fact label="Started" testId="details-started">
          {formatUtcTime(record.startedAt)}
        </Fact>
        <Fact label="Finished" testId="details-finished">
          {record.finishedAt ? formatUtcTime(record.finishedAt) : '—'}
          {record.durationMs != null ? ` (${(record.durationMs / 1000).toFixed(1)} s)` : ''}
        </Fact>
      </Table.Tbody>
    </Table>
  )
}

/** A part of an AWS CUR delivery imported without some of its parts: which, and what it means. */
function IncompleteDelivery({ record }: { record: ImportRecord }) {
  const line = record.delivery ? missingPartsLine(record.delivery) : null
  if (!line) return null
  return (
    <Alert
      color="orange"
      variant="light"
      title="Incomplete delivery"
      data-testid="details-incomplete"
    >
      {line}
    </Alert>
  )
}

/** A titled part of the details. */
function Section({
  title,
  testId,
  children,
}: {
  title: string
  testId: string
  children: ReactNode
}) {
  return (
    <Stack gap="xs" component="section" data-testid={testId} aria-label={title}>
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  )
}

/** The drawer; open while `record` is set, closed by Escape, its close button or a click outside. */
export function ImportDetails({
  record,
  imports,
  onClose,
}: {
  record: ImportRecord | null
  imports: readonly ImportRecord[]
  onClose: () => void
}) {
  return (
    <Drawer
      opened={record !== null}
      onClose={onClose}
      position="right"
      size={760}
      title="Import details"
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
      closeButtonProps={{ 'aria-label': 'Close import details' }}
      data-testid="import-details"
    >
      {record ? (
        <Stack gap="lg" data-testid="import-details-body" data-import-id={record.id}>
          <Facts record={record} />
          {record.error ? <ErrorAlert error={record.error} /> : null}
          <IncompleteDelivery record={record} />
          <Section title="Totals: file and stored" testId="details-totals">
            <ImportTotals record={record} />
          </Section>
          {record.mapping ? (
            <Section title="Column mapping" testId="details-mapping-section">
              <ImportMappingRules record={{ ...record, mapping: record.mapping }} />
            </Section>
          ) : null}
          <Section title="FOCUS rules checked" testId="details-rules-section">
            <RulesChecked record={record} />
          </Section>
          <Section title="Fixes applied" testId="details-fixes-section">
            <FixesApplied record={record} />
          </Section>
          <Section title="Columns kept outside FOCUS" testId="details-columns-section">
            <ColumnsKept record={record} />
          </Section>
          <Section title="Billing scopes and restatements" testId="details-lineage-section">
            <ImportLineage record={record} imports={imports} />
          </Section>
        </Stack>
      ) : null}
    </Drawer>
  )
}
