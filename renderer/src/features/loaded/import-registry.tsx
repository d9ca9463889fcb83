/** The import registry: every import attempt, with the file's SHA-256 and whether its totals reconciled. */
import { Badge, CopyButton, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core'
import type { ImportRecord } from '../../../../shared/contract'
import { formatBytes } from '../../components/amount'
import { formatUtcTime } from '../../../../shared/dates'

const STATUS_COLORS: Readonly<Record<ImportRecord['status'], string>> = {
  imported: 'green',
  duplicate: 'gray',
  skipped: 'gray',
  failed: 'red',
  cancelled: 'orange',
  running: 'blue',
  interrupted: 'orange',
}

/** The first 12 hex digits, with the full hash on hover and a click to copy it. */
function Sha({ sha256 }: { sha256: string }) {
  return (
    <CopyButton value={sha256}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `${sha256} (click to copy)`} maw={560} multiline>
          <UnstyledButton
            onClick={copy}
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

/** The registry table (newest first). */
export function ImportRegistry({ imports }: { imports: readonly ImportRecord[] }) {
  const sorted = [...imports].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id)
  return (
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
            <Table.Tr key={record.id} data-testid="registry-row" data-file={record.fileName}>
              <Table.Td style={FLEXIBLE}>
                <Text size="sm" fw={500} truncate title={record.fileName}>
                  {record.fileName}
                </Text>
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
                    <Badge size="sm" color="green" variant="filled" data-testid="reconciled-badge">
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
  )
}
