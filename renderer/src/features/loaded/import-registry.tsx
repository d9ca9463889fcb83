/**
 * The import registry: every import attempt, with the file's SHA-256 and whether its totals
 * reconciled. A row opens the import's details (import-details.tsx).
 */
import { Badge, CopyButton, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { formatBytes } from '../../components/amount'
import { formatUtcTime } from '../../../../shared/dates'
import { ImportDetails } from './import-details'
import { STATUS_COLORS } from './import-status'

/** The first 12 hex digits, with the full hash on hover and a click to copy it. */
function Sha({ sha256 }: { sha256: string }) {
  return (
    <CopyButton value={sha256}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `${sha256} (click to copy)`} maw={560} multiline>
          <UnstyledButton
            onClick={(event) => {
              // Copying the hash is not opening the row's details.
              event.stopPropagation()
              copy()
            }}
            ff="monospace"
            fz="xs"
            aria-label={`SHA-256 ${sha256}, click to copy`}
            data-sha256={sha256}
          >
            {sha256.slice(0, 12)}…
          </UnstyledButton>
        </Tooltip>
      )}
    </CopyButton>
  )
}

/** The file column takes the space left and cuts long names (see loaded-table.tsx). */
const FLEXIBLE = { width: '100%', maxWidth: 0, minWidth: 110 } as const

/** The registry table (newest first); clicking a row, or Enter on its file name, opens its details. */
export function ImportRegistry({ imports }: { imports: readonly ImportRecord[] }) {
  const sorted = [...imports].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id)
  // The id, not the record: a refresh of the registry then shows the fresh record.
  const [openId, setOpenId] = useState<number | null>(null)
  const open = imports.find((record) => record.id === openId) ?? null
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="import-registry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={FLEXIBLE}>File</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>FOCUS</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((record) => (
              <Table.Tr
                key={record.id}
                data-testid="registry-row"
                data-file={record.fileName}
                onClick={() => setOpenId(record.id)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td style={FLEXIBLE}>
                  {/* The file name is the row's keyboard handle: a real button, reached by Tab. */}
                  <UnstyledButton
                    maw="100%"
                    onClick={(event) => {
                      event.stopPropagation()
                      setOpenId(record.id)
                    }}
                    aria-haspopup="dialog"
                    aria-label={`Details of ${record.fileName}`}
                    data-testid="registry-open"
                  >
                    <Text
                      size="sm"
                      fw={500}
                      truncate
                      title={record.fileName}
                      c="blue.8"
                      td="underline"
                    >
                      {record.fileName}
                    </Text>
                  </UnstyledButton>
                  {record.error ? (
                    <Text size="xs" c="red.8" lineClamp={2} title={record.error.message}>
                      {record.error.message}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{record.sha256 ? <Sha sha256={record.sha256} /> : '—'}</Table.Td>
                <Table.Td ta="right" className="amount">
                  {formatBytes(record.sizeBytes)}
                </Table.Td>
                <Table.Td>{record.format}</Table.Td>
                <Table.Td>{record.focusVersion ?? '—'}</Table.Td>
                <Table.Td ta="right" className="amount">
                  {record.rowCount.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td miw={120}>
                  <Group gap={4}>
                    <Badge size="sm" color={STATUS_COLORS[record.status]} variant="light">
                      {record.status}
                    </Badge>
                    {record.reconciled ? (
                      <Badge
                        size="sm"
                        color="green"
                        variant="filled"
                        data-testid="reconciled-badge"
                      >
                        reconciled
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatUtcTime(record.startedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ImportDetails record={open} imports={imports} onClose={() => setOpenId(null)} />
    </>
  )
}
