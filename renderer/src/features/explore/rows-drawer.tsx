/** The Rows drawer: a pivot cell's rows, paged and sortable; a row opens its detail. */
import { Button, Drawer, Group, Loader, Table, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useState } from 'react'
import { toFocalError, type FocalError } from '../../../../shared/contract'
import {
  ROW_SUMMARY_COLUMNS,
  type RowKey,
  type RowsPage,
  type RowsPageRequest,
} from '../../../../shared/contract/rows'
import { NONE_LABEL } from '../../../../shared/pivot'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { EvidenceButton } from './evidence-button'
import { RowsDetail } from './rows-detail'

const RIGHT = new Set(['BilledCost', 'EffectiveCost'])

/** The drawer over Explore; open while the store holds a cell. */
export function RowsDrawer() {
  const cell = useAppStore((s) => s.rowsCell)
  const close = useAppStore((s) => s.closeRows)
  const [selected, setSelected] = useState<RowKey | null>(null)
  useEffect(() => setSelected(null), [cell])
  return (
    <Drawer
      opened={cell !== null}
      onClose={close}
      position="right"
      size={960}
      title={cell?.title ?? 'Rows'}
      styles={{ title: { fontWeight: 700 } }}
      data-testid="rows-drawer"
    >
      {cell === null ? null : selected !== null ? (
        <RowsDetail rowKey={selected} onBack={() => setSelected(null)} />
      ) : (
        <>
          <EvidenceButton title={cell.title} request={cell.request} />
          <RowsTable request={cell.request} onOpen={setSelected} />
        </>
      )}
    </Drawer>
  )
}

/** What a rows page was asked with: the figure's request, the page and the sort. */
interface Asked {
  request: RowsPageRequest
  offset: number
  sort: RowsPageRequest['sort']
}

function RowsTable({
  request,
  onOpen,
}: {
  request: RowsPageRequest
  onOpen: (key: RowKey) => void
}) {
  const rowsPage = useAppStore((s) => s.rowsPage)
  const [offset, setOffset] = useState(0)
  const [sort, setSort] = useState<RowsPageRequest['sort']>(null)
  const [page, setPage] = useState<RowsPage | null>(null)
  const [error, setError] = useState<FocalError | null>(null)
  // The request the page on screen answers: while it differs from the one asked for (a new sort
  // or page is on its way) the table is marked busy, in the same render that shows the new arrow.
  const [answered, setAnswered] = useState<Asked | null>(null)
  useEffect(() => {
    let live = true
    setError(null)
    const asked: Asked = { request, offset, sort }
    rowsPage({ ...request, offset, sort }).then(
      (result) => {
        if (!live) return
        setPage(result)
        setAnswered(asked)
      },
      (cause: unknown) => live && setError(toFocalError(cause)),
    )
    return () => {
      live = false
    }
  }, [request, offset, sort, rowsPage])
  if (error) return <ErrorAlert error={error} title="The rows could not be read" />
  if (!page) return <Loader m="xl" />
  const reading =
    answered?.request !== request || answered.offset !== offset || answered.sort !== sort
  const at = (name: string): number => page.columns.indexOf(name)
  const shown = ROW_SUMMARY_COLUMNS.filter((c) => at(c) >= 0)
  const toggle = (column: string): void => {
    setOffset(0)
    setSort(
      sort?.column === column
        ? { column, descending: !sort.descending }
        : { column, descending: RIGHT.has(column) },
    )
  }
  const last = page.offset + page.rows.length
  return (
    <>
      <Table
        striped
        highlightOnHover
        data-testid="rows-table"
        fz="xs"
        aria-busy={reading}
        style={{ opacity: reading ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            {shown.map((column) => (
              <Table.Th key={column} ta={RIGHT.has(column) ? 'right' : 'left'}>
                <UnstyledButton fz="xs" fw={700} onClick={() => toggle(column)}>
                  {column}
                  {sort?.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.rows.map((row) => {
            const key = {
              importId: Number(row[at('x_ImportId')]),
              sourceRow: Number(row[at('x_SourceRow')]),
            }
            return (
              <Table.Tr
                key={`${key.importId}:${key.sourceRow}`}
                onClick={() => onOpen(key)}
                style={{ cursor: 'pointer' }}
                data-testid="rows-row"
              >
                <Table.Td>
                  <UnstyledButton fz="xs" onClick={() => onOpen(key)}>
                    {key.importId}:{key.sourceRow}
                  </UnstyledButton>
                </Table.Td>
                {shown.map((column) => (
                  <Table.Td
                    key={column}
                    ta={RIGHT.has(column) ? 'right' : 'left'}
                    className={RIGHT.has(column) ? 'amount' : undefined}
                  >
                    {row[at(column)] ?? NONE_LABEL}
                  </Table.Td>
                ))}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid="rows-place">
          Rows {page.rows.length === 0 ? 0 : page.offset + 1}–{last} of{' '}
          {page.total.toLocaleString('en-US')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={page.offset === 0}
            onClick={() => setOffset(Math.max(0, offset - request.limit))}
          >
            Previous
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={last >= page.total}
            onClick={() => setOffset(offset + request.limit)}
          >
            Next
          </Button>
        </Group>
      </Group>
    </>
  )
}
