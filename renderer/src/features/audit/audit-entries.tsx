/**
 * The audit trail's timeline: the filtered entries newest first, a page at a time; an entry
 * opens its details, an import's entry opens the rows of that import that count now, and a
 * report's entry lists its figures, each of which "Explain this number" follows to its rows.
 */
import { Button, Code, Drawer, Group, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { AuditEntryView } from '../../../../shared/contract/audit'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { AUDIT_PAGE_SIZE } from '../../state/audit-slice'
import { useAppStore } from '../../state/store-context'
import { ROWS_PAGE_SIZE } from '../explore/rows-request'
import { ReportFigures } from './report-figures'

/** The import an entry is about, when its details name one. */
function importIdOf(entry: AuditEntryView): number | null {
  if (!entry.action.startsWith('import.') || entry.details === null) return null
  const details = JSON.parse(entry.details) as { importId?: unknown }
  return typeof details.importId === 'number' ? details.importId : null
}

/** The first page of the rows an import stored that count now (superseded rows do not). */
function importRows(importId: number): RowsPageRequest {
  return {
    dateRange: null,
    filters: [
      { dimension: { kind: 'column', name: 'x_ImportId' }, op: 'in', values: [String(importId)] },
    ],
    period: null,
    sort: null,
    offset: 0,
    limit: ROWS_PAGE_SIZE,
  }
}

/** UTC time to the second, as the log keeps it (with microseconds) in the details. */
const shortTime = (iso: string): string => iso.slice(0, 19).replace('T', ' ')

/** The table of entries with paging, and the details drawer of the one opened. */
export function AuditEntries() {
  const page = useAppStore((s) => s.audit.page)
  const running = useAppStore((s) => s.audit.task.status === 'running')
  const load = useAppStore((s) => s.loadAudit)
  const openRows = useAppStore((s) => s.openRows)
  const [open, setOpen] = useState<AuditEntryView | null>(null)
  if (!page) return null
  const first = page.total === 0 ? 0 : page.offset + 1
  const last = page.offset + page.entries.length
  const importId = open ? importIdOf(open) : null
  return (
    <Stack gap="xs" aria-busy={running} data-testid="audit-entries">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="audit-count">
          {page.total === 0
            ? 'No entries match.'
            : `Entries ${first}–${last} of ${page.total}, newest first`}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={page.offset === 0}
            onClick={() => void load(undefined, Math.max(0, page.offset - AUDIT_PAGE_SIZE))}
          >
            Newer
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={last >= page.total}
            onClick={() => void load(undefined, page.offset + AUDIT_PAGE_SIZE)}
          >
            Older
          </Button>
        </Group>
      </Group>
      <Table striped highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">#</Table.Th>
            <Table.Th>Logged at (UTC)</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Subject</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.entries.map((entry) => (
            <Table.Tr
              key={`${entry.seq}-${entry.loggedAt}`}
              onClick={() => setOpen(entry)}
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onKeyDown={(e) => (e.key === 'Enter' ? setOpen(entry) : null)}
              data-testid="audit-entry"
              data-action={entry.action}
            >
              <Table.Td ta="right" className="amount">
                {entry.seq ?? ''}
              </Table.Td>
              <Table.Td className="amount">{shortTime(entry.loggedAt)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{entry.subject ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title={open ? `Entry ${open.seq ?? ''}: ${open.action}` : ''}
      >
        {open ? (
          <Stack gap="sm" data-testid="audit-entry-details">
            <Text size="sm">
              {shortTime(open.loggedAt)} UTC by <b>{open.actor}</b>
              {open.subject ? ` on ${open.subject}` : ''}
            </Text>
            <ScrollArea.Autosize mah={520}>
              <Code block>
                {open.details === null
                  ? '(no details)'
                  : JSON.stringify(JSON.parse(open.details), null, 2)}
              </Code>
            </ScrollArea.Autosize>
            <ReportFigures entry={open} onExplain={() => setOpen(null)} />
            {importId !== null ? (
              <Button
                variant="light"
                onClick={() => {
                  setOpen(null)
                  openRows(
                    `Rows of import ${importId} (${open.subject ?? ''})`,
                    importRows(importId),
                  )
                }}
                data-testid="audit-open-rows"
              >
                Open the rows of import {importId} that count now
              </Button>
            ) : null}
          </Stack>
        ) : null}
      </Drawer>
    </Stack>
  )
}
