/**
 * The packs of one kind exported from the workspace, newest first: when, by
 * whom, which month, what they were made from, their files with SHA-256s and
 * their data fingerprint, and plainly whether each still matches the data. A
 * showback pack is never listed under chargeback, nor the reverse.
 */
import { Table, Text } from '@mantine/core'
import type { ListedPackInfo, ReportRequest } from '../../../../shared/contract'

const when = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`

function Files({ pack }: { pack: ListedPackInfo }) {
  return (
    <details>
      <summary>{pack.files.length} files</summary>
      <Table fz="xs" withRowBorders={false}>
        <Table.Tbody>
          {pack.files.map((f) => (
            <Table.Tr key={f.path}>
              <Table.Td>{f.path}</Table.Td>
              <Table.Td ff="monospace" title={f.sha256}>
                {f.sha256.slice(0, 16)}…
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  )
}

/** The list; `packs` are every month's, `kind` picks the ones shown. */
export function PackList({
  packs,
  kind,
}: {
  packs: readonly ListedPackInfo[]
  kind: ReportRequest['kind']
}) {
  const shown = packs.filter((p) => p.kind === kind).sort((a, b) => b.at.localeCompare(a.at))
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No {kind} pack has been exported from this workspace yet.
      </Text>
    )
  return (
    <Table fz="sm" data-testid="pack-list" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Exported</Table.Th>
          <Table.Th>Month</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Made from</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>Files and SHA-256</Table.Th>
          <Table.Th>Data fingerprint</Table.Th>
          <Table.Th>Matches the data?</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((p) => (
          <Table.Tr
            key={`${p.at}-${p.period}-${p.dataFingerprint}`}
            data-testid="listed-pack"
            data-period={p.period}
            data-current={String(p.current)}
          >
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(p.at)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.period}</Table.Td>
            <Table.Td>{p.actor}</Table.Td>
            <Table.Td>
              {p.metric} by {p.groupedBy}
              {p.ruleVersion ? `, rules ${p.ruleVersion}` : ''}
            </Table.Td>
            <Table.Td>
              <Files pack={p} />
            </Table.Td>
            <Table.Td ff="monospace" title={p.dataFingerprint}>
              {p.dataFingerprint.slice(0, 12)}…
            </Table.Td>
            <Table.Td>
              {p.current ? (
                <Text size="sm" c="teal.9">
                  Yes
                </Text>
              ) : (
                <Text size="sm" c="red.8" fw={600}>
                  No: the data changed since this pack was made
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
