/**
 * A report entry's figures on the Audit trail screen: each cost center's charged amount per
 * currency as the pack's audit entry recorded it, each opening "Explain this number".
 */
import { Button, Table, Text } from '@mantine/core'
import type { AuditEntryView } from '../../../../shared/contract/audit'
import { formatAmount } from '../../../../shared/report'
import { useAppStore } from '../../state/store-context'

interface Figure {
  target: string
  currency: string
  charged: string
  exact: string
}

const REPORT = /^report\.(chargeback|showback)$/

/** The figures of a report.chargeback|showback entry; null for any other entry. */
export function reportFigures(entry: AuditEntryView): Figure[] | null {
  if (!REPORT.test(entry.action) || entry.details === null) return null
  const details = JSON.parse(entry.details) as { figures?: unknown }
  return Array.isArray(details.figures) ? (details.figures as Figure[]) : []
}

/** The figures with "Explain"; `onExplain` runs before the Explain drawer opens (to close the entry's). */
export function ReportFigures({
  entry,
  onExplain,
}: {
  entry: AuditEntryView
  onExplain: () => void
}) {
  const openExplain = useAppStore((s) => s.openExplain)
  const figures = reportFigures(entry)
  if (figures === null || entry.seq === null || entry.subject === null) return null
  const kind = entry.action === 'report.showback' ? 'showback' : 'chargeback'
  if (figures.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This pack was exported before Focal recorded its figures in the audit trail; explain its
        figures with <code>focal audit explain --entry {entry.seq}</code> or from the Reports
        screen.
      </Text>
    )
  const { seq, subject } = entry
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="audit-report-figures">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cost center</Table.Th>
          <Table.Th ta="right">{kind === 'chargeback' ? 'Charged' : 'Shown'}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {figures.map((f) => (
          <Table.Tr
            key={`${f.target}-${f.currency}`}
            data-testid="audit-report-figure"
            data-target={f.target}
          >
            <Table.Td>{f.target}</Table.Td>
            <Table.Td ta="right" className="amount" data-value={f.charged}>
              {formatAmount(f.charged, f.currency)}
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="light"
                data-testid="audit-explain"
                onClick={() => {
                  onExplain()
                  void openExplain({
                    period: subject,
                    target: f.target,
                    currency: f.currency,
                    kind,
                    entry: seq,
                  })
                }}
              >
                Explain
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
