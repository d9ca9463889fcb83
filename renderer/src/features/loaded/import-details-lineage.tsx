/**
 * Where an import stands among deliveries of the same scopes (README: What an import
 * guarantees): the provider, billing account and billing period its rows cover, what it
 * superseded with the change per currency, what superseded it, what it was kept beside, and
 * for Azure which cost export it is and what merging with the other export takes from it.
 */
import { Stack, Table, Text } from '@mantine/core'
import type { ImportRecord } from '../../../../shared/contract'
import { describeCostView } from '../../../../shared/formats/azure-cost-view-text'
import { formatSigned } from '../../../../shared/report'
import { formatPeriod } from './loaded-table'
import { CommitmentDelta } from './import-details-commitments'
import { describeImport } from './import-status'

const count = (rows: number): string => rows.toLocaleString('en-US')
const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The scopes of the stored rows, each counted or replaced by a later import. */
function Scopes({ record, imports }: { record: ImportRecord; imports: readonly ImportRecord[] }) {
  if (record.scopes.length === 0) return null
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} withTableBorder data-testid="details-scopes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Billing account</Table.Th>
            <Table.Th style={NOWRAP}>Billing period</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th style={NOWRAP}>In totals</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.scopes.map((scope, index) => (
            <Table.Tr key={index} data-testid="details-scope">
              <Table.Td>{scope.provider ?? '—'}</Table.Td>
              <Table.Td fz="sm" style={{ wordBreak: 'break-all' }}>
                {scope.billingAccountId ?? '—'}
              </Table.Td>
              <Table.Td>{formatPeriod(scope.billingPeriodStart)}</Table.Td>
              <Table.Td ta="right" className="amount">
                {count(scope.rows)}
              </Table.Td>
              <Table.Td fz="sm" c={scope.supersededBy == null ? undefined : 'orange.8'}>
                {scope.supersededBy == null
                  ? 'yes'
                  : `no, superseded by ${describeImport(scope.supersededBy, imports)}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Per currency, what replacing the earlier rows changed. */
function Delta({ record }: { record: ImportRecord }) {
  if (record.delta.length === 0) return null
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} withTableBorder data-testid="details-delta">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Th style={NOWRAP} ta="right">
              Rows added
            </Table.Th>
            <Table.Th ta="right">Removed</Table.Th>
            <Table.Th ta="right">Changed</Table.Th>
            <Table.Th ta="right">BilledCost</Table.Th>
            <Table.Th ta="right">EffectiveCost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.delta.map((d) => (
            <Table.Tr key={d.currency} data-testid={`details-delta-${d.currency}`}>
              <Table.Td>{d.currency || '(no currency)'}</Table.Td>
              <Table.Td ta="right" className="amount">
                {count(d.rowsAdded)}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {count(d.rowsRemoved)}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {count(d.rowsChanged)}
              </Table.Td>
              <Table.Td ta="right" className="amount" data-value={d.billedDifference}>
                {formatSigned(d.billedDifference, d.currency, true)}
              </Table.Td>
              <Table.Td ta="right" className="amount" data-value={d.effectiveDifference}>
                {formatSigned(d.effectiveDifference, d.currency, true)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The import's scopes and its supersessions, each named by import number and file. */
export function ImportLineage({
  record,
  imports,
}: {
  record: ImportRecord
  imports: readonly ImportRecord[]
}) {
  const list = (ids: readonly number[]): string =>
    ids.map((id) => describeImport(id, imports)).join(', ')
  const related =
    record.supersededBy != null || record.supersedes.length > 0 || record.keptBeside.length > 0
  return (
    <Stack gap="xs" data-testid="details-lineage">
      {record.supersededBy != null ? (
        <Text size="sm" c="orange.8" data-testid="details-superseded-by">
          Superseded by {describeImport(record.supersededBy, imports)}: its rows of the restated
          scopes are kept for audit but left out of every total.
        </Text>
      ) : null}
      {record.supersedes.length > 0 ? (
        <Text size="sm" data-testid="details-supersedes">
          Supersedes {list(record.supersedes)}: it replaced{' '}
          {record.supersedes.length === 1 ? 'its' : 'their'} rows of the scopes it restates.
        </Text>
      ) : null}
      <Delta record={record} />
      <CommitmentDelta record={record} />
      {record.costView ? (
        <Text size="sm" data-testid="details-cost-view">
          {describeCostView(record.costView)}
        </Text>
      ) : null}
      {record.keptBeside.length > 0 ? (
        <Text size="sm" data-testid="details-kept-beside">
          Counted beside {list(record.keptBeside)}, which it overlaps, as chosen (keep both).
        </Text>
      ) : null}
      {related ? null : (
        <Text size="sm" c="dimmed">
          {record.scopes.length > 0 || record.commitments
            ? 'It has not superseded, or been superseded by, another import.'
            : 'Nothing was stored from this file, so it covers no billing scope.'}
        </Text>
      )}
      <Scopes record={record} imports={imports} />
    </Stack>
  )
}
