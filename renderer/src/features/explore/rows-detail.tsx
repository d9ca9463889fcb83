/** One row whole in the Rows drawer: provenance, fixes, tags, every value, and "Show in source". */
import { Alert, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { toFocalError, type FocalError } from '../../../../shared/contract'
import type { RowDetail, RowKey, RowSource } from '../../../../shared/contract/rows'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { SourceFolderField } from './source-folder-field'

/** The detail of `rowKey`; `onBack` returns to the rows. */
export function RowsDetail({ rowKey, onBack }: { rowKey: RowKey; onBack: () => void }) {
  const rowDetail = useAppStore((s) => s.rowDetail)
  const rowSource = useAppStore((s) => s.rowSource)
  const sourceFromFolder = useAppStore((s) => s.sourceFromFolder)
  const sourceInFolder = useAppStore((s) => s.sourceInFolder)
  const [detail, setDetail] = useState<RowDetail | null>(null)
  const [source, setSource] = useState<RowSource | 'reading' | null>(null)
  const [error, setError] = useState<FocalError | null>(null)
  useEffect(() => {
    let live = true
    rowDetail(rowKey).then(
      (result) => live && setDetail(result),
      (cause: unknown) => live && setError(toFocalError(cause)),
    )
    return () => {
      live = false
    }
  }, [rowKey, rowDetail])
  const show = (): void => {
    setSource('reading')
    rowSource(rowKey).then(setSource, (cause: unknown) => {
      setSource(null)
      setError(toFocalError(cause))
    })
  }
  const choose = (): void => {
    if (!sourceFromFolder) return
    const before = source
    setSource('reading')
    // Cancelling the dialog leaves the sentence as it was.
    sourceFromFolder(rowKey).then(
      (result) => setSource(result ?? before),
      (cause: unknown) => {
        setSource(before)
        setError(toFocalError(cause))
      },
    )
  }
  const back = (
    <Button size="xs" variant="default" onClick={onBack} w="fit-content">
      ← Rows
    </Button>
  )
  if (error)
    return (
      <Stack>
        {back}
        <ErrorAlert error={error} />
      </Stack>
    )
  if (!detail) return <Loader m="xl" />
  const p = detail.provenance
  return (
    <Stack gap="sm" data-testid="row-detail">
      {back}
      <Title order={4}>
        Row {p.importId}:{p.sourceRow}: data row {p.sourceRow} of {p.sourceFile}
      </Title>
      <Text size="sm">
        Import {p.importId}: {p.fileName}, {p.format}, {p.status}
        {p.supersededBy === null ? '' : ` (superseded by import ${p.supersededBy})`}, imported{' '}
        {p.importedAt}
      </Text>
      <Text size="xs" c="dimmed" className="amount">
        SHA-256 {p.sha256} · {p.sizeBytes.toLocaleString('en-US')} bytes
      </Text>
      {p.fixes.length > 0 ? (
        <Stack gap={2}>
          {p.fixes.map((f) => (
            <Text size="sm" key={f.code}>
              <Code>{f.code}</Code> {f.meaning}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No fixes: every value is as the file wrote it.
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          onClick={show}
          loading={source === 'reading'}
          data-testid="show-in-source"
        >
          Show in source
        </Button>
      </Group>
      {source !== null && source !== 'reading' ? <SourceView source={source} /> : null}
      {source !== null && source !== 'reading' && !source.found && sourceFromFolder ? (
        <Button size="xs" variant="default" w="fit-content" onClick={choose}>
          Choose the folder…
        </Button>
      ) : null}
      {source !== null && source !== 'reading' && !source.found && sourceInFolder ? (
        <SourceFolderField
          rowKey={rowKey}
          fileName={source.fileName}
          look={sourceInFolder}
          onAnswer={setSource}
        />
      ) : null}
      {detail.tags !== null && Object.keys(detail.tags).length > 0 ? (
        <Text size="sm" data-testid="row-tags">
          Tags:{' '}
          {Object.entries(detail.tags)
            .map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' · ')}
        </Text>
      ) : null}
      <Table fz="xs" striped data-testid="row-values">
        <Table.Tbody>
          {detail.values
            .filter((v) => v.value !== null)
            .map((v) => (
              <Table.Tr key={v.column}>
                <Table.Td fw={600}>{v.column}</Table.Td>
                <Table.Td className="amount">{v.value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function SourceView({ source }: { source: RowSource }) {
  if (!source.found)
    return (
      <Alert color="gray" variant="light" data-testid="source-missing">
        {source.message}
      </Alert>
    )
  return (
    <Stack gap={4} data-testid="source-line">
      <Text size="sm" fw={600}>
        Source line of {source.fileName}
      </Text>
      <Code block>{source.header === null ? source.line : `${source.header}\n${source.line}`}</Code>
    </Stack>
  )
}
