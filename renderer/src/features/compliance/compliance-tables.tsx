/**
 * The breakdowns of a compliance report (by owner, account, service) and its resources to
 * fix. A service, account or resource opens its rows in the Rows drawer; an owner downloads
 * the CSV of its resources to fix.
 */
import { Button, Code, Table, Text } from '@mantine/core'
import type {
  ComplianceGroup,
  ComplianceReport,
  ComplianceResource,
} from '../../../../shared/contract/compliance'
import { useState } from 'react'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { complianceRowsRequest, type ColumnValue } from './rows-request'

const NONE = '(none)'

/** Resources listed before "Show all": the largest few are what a person fixes first. */
const FIRST = 10

/** "75.69%", or "—" when there is no cost in scope. */
export function percentText(percent: string | null): string {
  return percent === null ? '—' : `${percent}%`
}

/** One breakdown: a row per group and currency; `column` is the FOCUS column a row's rows are read by. */
export function BreakdownTable({
  title,
  groups,
  period,
  column,
  onDownload,
}: {
  title: string
  groups: readonly ComplianceGroup[]
  period: string
  column: string | null
  onDownload?: (owner: string) => void
}) {
  const openRows = useAppStore((s) => s.openRows)
  const open = (g: ComplianceGroup): void => {
    if (!column) return
    const filters: ColumnValue[] = [
      [column, g.group === NONE ? null : g.group],
      ['BillingCurrency', g.currency],
    ]
    openRows(`${title} ${g.group} · ${period}`, complianceRowsRequest(period, filters))
  }
  return (
    <Table striped highlightOnHover data-testid={`compliance-by-${title.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">In scope</Table.Th>
          <Table.Th ta="right">Compliant</Table.Th>
          <Table.Th ta="right">%</Table.Th>
          <Table.Th ta="right">Rows</Table.Th>
          {onDownload ? <Table.Th /> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => (
          <Table.Tr
            key={`${g.group}|${g.currency}`}
            data-group={g.group}
            style={column ? { cursor: 'pointer' } : undefined}
            onClick={() => open(g)}
          >
            <Table.Td>
              {g.group}
              {g.label ? (
                <Text span c="dimmed" size="sm">
                  {' '}
                  {g.label}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              <Amount value={g.cost} currency={g.currency ?? ''} />
            </Table.Td>
            <Table.Td ta="right">
              <Amount value={g.compliant} currency={g.currency ?? ''} />
            </Table.Td>
            <Table.Td ta="right">{percentText(g.percent)}</Table.Td>
            <Table.Td ta="right">
              {g.compliantRows} / {g.rows}
            </Table.Td>
            {onDownload ? (
              <Table.Td>
                {g.percent !== '100.00' ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Download the resources to fix of ${g.group}`}
                    onClick={(e) => {
                      e.stopPropagation()
                      onDownload(g.group)
                    }}
                  >
                    CSV to fix
                  </Button>
                ) : null}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The largest resources to fix; a click opens the resource's rows in the period. */
export function ResourcesTable({ report }: { report: ComplianceReport }) {
  const openRows = useAppStore((s) => s.openRows)
  const [all, setAll] = useState(false)
  const shown = all ? report.resources : report.resources.slice(0, FIRST)
  const period = report.period ?? ''
  const open = (r: ComplianceResource): void =>
    openRows(
      `${r.resourceId ?? '(no ResourceId)'} · ${period}`,
      complianceRowsRequest(period, [
        ['ResourceId', r.resourceId],
        ['ServiceName', r.service],
        ['BillingCurrency', r.currency],
      ]),
    )
  if (report.resources.length === 0)
    return <Text c="dimmed">Every resource in scope is tagged as the policy asks.</Text>
  return (
    <>
      <Table striped highlightOnHover data-testid="compliance-resources">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Resource</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Cost to fix ({report.metric})</Table.Th>
            <Table.Th>Missing</Table.Th>
            <Table.Th>Not allowed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r, i) => (
            <Table.Tr
              key={`${r.resourceId}|${r.service}|${r.owner}|${r.currency}`}
              data-testid="compliance-resource"
              data-index={i}
              data-resource={r.resourceId ?? ''}
              style={{ cursor: 'pointer' }}
              onClick={() => open(r)}
              title="Open this resource's rows"
            >
              <Table.Td maw={360} style={{ overflowWrap: 'anywhere' }}>
                {r.resourceName ?? r.resourceId ?? '(no ResourceId)'}
                {r.resourceName && r.resourceId ? (
                  <Text size="xs" c="dimmed">
                    {r.resourceId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{r.service ?? ''}</Table.Td>
              <Table.Td>{r.owner}</Table.Td>
              <Table.Td ta="right">
                <Amount value={r.cost} currency={r.currency ?? ''} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="orange.8">
                  {r.missing.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.wrong.map((w) => (
                  <Text key={w.key} size="sm">
                    {w.key} = <Code>{w.values.join(' | ')}</Code>
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.resources.length > FIRST ? (
        <Button size="compact-sm" variant="subtle" mt={4} onClick={() => setAll(!all)}>
          {all ? `Show the ${FIRST} largest` : `Show all ${report.resources.length}`}
        </Button>
      ) : null}
    </>
  )
}

/** Per required key and currency: the cost missing it and the cost with a value not allowed. */
export function KeysTable({ report }: { report: ComplianceReport }) {
  return (
    <Table striped data-testid="compliance-by-key">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Required key</Table.Th>
          <Table.Th>Reads (tag aliases)</Table.Th>
          <Table.Th ta="right">Missing</Table.Th>
          <Table.Th ta="right">Not allowed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.keys.map((k) => (
          <Table.Tr key={`${k.key}|${k.currency}`}>
            <Table.Td>{k.key}</Table.Td>
            <Table.Td>
              <Code>{k.reads.join(', ')}</Code>
            </Table.Td>
            <Table.Td ta="right">
              <Amount value={k.missing} currency={k.currency ?? ''} />
            </Table.Td>
            <Table.Td ta="right">
              <Amount value={k.wrong} currency={k.currency ?? ''} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
