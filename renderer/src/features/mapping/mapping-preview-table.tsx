/** The first rows of the file as the mapping makes them; a value the import would refuse is marked with why. */
import { Table, Text, Tooltip } from '@mantine/core'
import type { MappingPreview } from '../../../../shared/contract'

/** The preview table (at most 20 rows). */
export function MappingPreviewTable({ preview }: { preview: MappingPreview }) {
  if (preview.columns.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Map a column to see the first rows as Focal will import them.
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={320}>
      <Table striped withTableBorder withColumnBorders fz="xs" data-testid="mapping-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>row</Table.Th>
            {preview.columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td c="dimmed">{row.row}</Table.Td>
              {row.values.map((value, k) => {
                const error = row.errors[k] ?? null
                const cell = (
                  <Table.Td
                    key={preview.columns[k]}
                    data-testid={error ? 'mapping-cell-error' : undefined}
                    bg={error ? 'red.1' : undefined}
                    c={value === null ? 'dimmed' : undefined}
                  >
                    {value ?? '—'}
                  </Table.Td>
                )
                return error ? (
                  <Tooltip key={preview.columns[k]} label={error} multiline w={280}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
