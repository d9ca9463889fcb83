/**
 * The column mapping an import was read with (issue 8, "Any other CSV"): its name and hash as
 * recorded with the import, its rules as a compact table (FOCUS column ← source column or
 * constant, with transforms) and the mapping file to export. The rules are those recorded with
 * the import, so a later save under the same name does not change what is shown here.
 */
import { Button, Code, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { toFocalError, type FocalError, type ImportMapping } from '../../../../shared/contract'
import type { ImportRecord } from '../../../../shared/contract'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadText } from '../mapping/download'
import { mappingRulesShown } from './import-details-source-model'

type Loaded = { status: 'loading' } | { status: 'done'; value: ImportMapping } | FailedLoad
type FailedLoad = { status: 'failed'; error: FocalError }

/** The recorded mapping's rules, read when the drawer shows an import made with one. */
function useImportMapping(importId: number): Loaded {
  const read = useAppStore((s) => s.importMapping)
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  useEffect(() => {
    let current = true
    setLoaded({ status: 'loading' })
    read(importId).then(
      (value) => current && setLoaded({ status: 'done', value }),
      (cause: unknown) => current && setLoaded({ status: 'failed', error: toFocalError(cause) }),
    )
    // A drawer switched to another import before the answer came ignores it.
    return () => {
      current = false
    }
  }, [read, importId])
  return loaded
}

function RulesTable({ mapping }: { mapping: ImportMapping }) {
  const rules = mappingRulesShown(mapping.mapping)
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} withTableBorder data-testid="details-mapping-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>FOCUS column</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Transforms</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr
              key={rule.target}
              data-testid="details-mapping-rule"
              data-target={rule.target}
            >
              <Table.Td fz="sm" ff="monospace">
                {rule.target}
              </Table.Td>
              <Table.Td fz="sm" ff={rule.fromConstant ? undefined : 'monospace'}>
                ← {rule.source}
              </Table.Td>
              <Table.Td fz="sm" c={rule.transforms.length ? undefined : 'dimmed'}>
                {rule.transforms.length ? rule.transforms.join('; ') : 'as written'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The mapping section's body for an import read with a column mapping. */
export function ImportMappingRules({
  record,
}: {
  record: ImportRecord & { mapping: NonNullable<ImportRecord['mapping']> }
}) {
  const loaded = useImportMapping(record.id)
  return (
    <Stack gap="xs" data-testid="details-mapping">
      <Text size="sm">
        Read with the column mapping <b data-testid="details-mapping-name">{record.mapping.name}</b>{' '}
        as it was when this file was imported; SHA-256 of its file:
      </Text>
      <Code fz="xs" style={{ wordBreak: 'break-all' }} data-testid="details-mapping-sha256">
        {record.mapping.sha256}
      </Code>
      {loaded.status === 'loading' ? <Loader size="sm" aria-label="Reading the mapping" /> : null}
      {loaded.status === 'failed' ? <ErrorAlert error={loaded.error} /> : null}
      {loaded.status === 'done' ? (
        <>
          <RulesTable mapping={loaded.value} />
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => downloadText(loaded.value.file.fileName, loaded.value.file.text)}
            >
              Export mapping
            </Button>
            <Text size="xs" c="dimmed">
              The file focal import --mapping reads, to import like files the same way.
            </Text>
          </Group>
        </>
      ) : null}
    </Stack>
  )
}
