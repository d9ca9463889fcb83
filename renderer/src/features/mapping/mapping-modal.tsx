/**
 * The mapping screen (issue 8, "Any other CSV"): a CSV no known format
 * matches, its columns with sample values, a FOCUS column picker with value
 * transforms, which columns become tags, a live preview of the first 20
 * mapped rows with each value the import would refuse marked, and save →
 * import. Saved mappings can be loaded and exported as files.
 */
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { UserMapping } from '../../../../shared/formats/user-mapping'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { ColumnRuleRow } from './column-rule-row'
import { downloadText } from './download'
import { MappingPreviewTable } from './mapping-preview-table'
import { MAPPING_TARGETS } from './mapping-targets'

/** The mapping screen, open while a file is being mapped. */
export function MappingModal() {
  const state = useAppStore((s) => s.mapping)
  const close = useAppStore((s) => s.closeMapping)
  return (
    <Modal
      opened={state.target !== null}
      onClose={close}
      size="min(1400px, 96vw)"
      title={<Title order={3}>Map columns of {state.target?.fileName}</Title>}
      data-testid="mapping-screen"
    >
      {state.task.status === 'running' ? <Loader size="sm" /> : null}
      {state.task.error ? <ErrorAlert error={state.task.error} /> : null}
      {state.sample && state.draft ? <MappingEditor draft={state.draft} /> : null}
    </Modal>
  )
}

function MappingEditor({ draft }: { draft: UserMapping }) {
  const { sample, preview, saved, save, previewTask } = useAppStore((s) => s.mapping)
  const edit = useAppStore((s) => s.editMapping)
  const saveAndImport = useAppStore((s) => s.saveAndImport)
  const exportMapping = useAppStore((s) => s.exportMapping)
  if (!sample) return null
  const sources = sample.header.map((name, i) => ({
    name,
    samples: [...new Set(sample.samples.map((row) => row[i] ?? '').filter((v) => v !== ''))],
  }))
  const tagColumns = draft.tags && 'columns' in draft.tags ? draft.tags.columns : []
  const errors = (preview?.rows ?? []).flatMap((row) =>
    row.errors.flatMap((e, k) => (e ? [`Row ${row.row}, ${preview?.columns[k]}: ${e}`] : [])),
  )
  const savedHere = saved.some((m) => m.name === draft.name.trim())
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Focal does not recognize this file
        {sample.closest[0] ? ` (closest: ${sample.closest[0].title})` : ''}. Say which of its{' '}
        {sample.header.length} columns fills each FOCUS column; the preview shows the first rows as
        they will be imported.
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Mapping name"
          w={280}
          value={draft.name}
          onChange={(e) => void edit({ ...draft, name: e.currentTarget.value })}
        />
        <Select
          label="Start from a saved mapping"
          placeholder={saved.length > 0 ? 'Choose…' : 'None saved yet'}
          disabled={saved.length === 0}
          w={280}
          data={saved.map((m) => m.name)}
          value={null}
          onChange={(name) => {
            const chosen = saved.find((m) => m.name === name)
            if (chosen) void edit({ ...chosen.mapping, header: sample.header })
          }}
        />
        <Button
          variant="default"
          disabled={!savedHere}
          title={savedHere ? undefined : 'Save the mapping first'}
          onClick={async () => {
            const file = await exportMapping(draft.name.trim())
            if (file) downloadText(file.fileName, file.text)
          }}
        >
          Export mapping file
        </Button>
      </Group>
      <Table withTableBorder verticalSpacing={4} data-testid="mapping-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>FOCUS column</Table.Th>
            <Table.Th w={340}>From the file</Table.Th>
            <Table.Th>How its values are read</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MAPPING_TARGETS.map((target) => (
            <ColumnRuleRow
              key={target.name}
              target={target}
              rule={draft.columns[target.name]}
              sources={sources}
              onChange={(rule) => {
                const { [target.name]: _old, ...others } = draft.columns
                void edit({ ...draft, columns: rule ? { ...others, [target.name]: rule } : others })
              }}
            />
          ))}
        </Table.Tbody>
      </Table>
      <MultiSelect
        label="Columns that become tags"
        description="Each becomes a key of the FOCUS Tags object, named as the column."
        data={sample.header}
        value={[...tagColumns]}
        onChange={(columns) => {
          const { tags: _tags, ...rest } = draft
          void edit(columns.length > 0 ? { ...rest, tags: { columns } } : rest)
        }}
        searchable
      />
      {preview && preview.problems.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title="Not ready to import"
          data-testid="mapping-problems"
        >
          {preview.problems.map((p) => (
            <Text size="sm" key={p}>
              {p}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Title order={5}>Preview: first {preview?.rows.length ?? 0} rows as imported</Title>
        {previewTask.status === 'running' ? <Loader size="xs" /> : null}
      </Group>
      {previewTask.error ? <ErrorAlert error={previewTask.error} /> : null}
      {preview ? <MappingPreviewTable preview={preview} /> : null}
      {errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title={`${errors.length} value${errors.length > 1 ? 's' : ''} would be refused`}
          data-testid="mapping-value-errors"
        >
          {errors.slice(0, 5).map((e) => (
            <Text size="xs" key={e}>
              {e}
            </Text>
          ))}
        </Alert>
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end">
        <Button
          onClick={() => void saveAndImport()}
          loading={save.status === 'running'}
          disabled={!preview || preview.problems.length > 0 || errors.length > 0}
          data-testid="mapping-save-import"
        >
          Save mapping and import
        </Button>
      </Group>
    </Stack>
  )
}
