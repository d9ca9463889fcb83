/**
 * The pivot table (issue 9, Pivot): rows × the column axis × several measures, subtotals and one
 * grand total per currency, read over `pivot:table`. Header clicks sort; a double-click (or Enter)
 * on a figure opens its rows, as Excel's "Show details" does, so a click is free to select cells.
 * A first-level row's subtotal collapses it to that subtotal (pivot-collapse.ts); the grid, the
 * selection and a copy read only the rows shown.
 */
import { Box, Group, Loader, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { FocalError, PivotTableData } from '../../../../shared/contract'
import type { PivotSpec } from '../../../../shared/pivot'
import { gridTsv } from '../../../../shared/pivot/table-text'
import { Amount } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { wantsTable } from '../../state/pivot-run'
import { useAppStore } from '../../state/store-context'
import { copyText } from './grid-clipboard'
import { selectionRange, selectionSize, type GridSelection } from './grid-selection'
import { pivotGrid, rowLabel } from './matrix-cells'
import { MatrixActions } from './matrix-actions'
import { MatrixGrid, type MatrixColumn } from './matrix-grid'
import { collapsibleGroups, groupId, visibleRows } from './pivot-collapse'
import classes from './pivot-table.module.css'
import { tableCellRowsRequest } from './table-rows-request'

/** True when the spec asks for the table: several measures or a column axis. */
export const wantsMatrix = wantsTable

/** The table of the shown result: runPivot asks for it with the summary, under one run id (state/pivot-run.ts). */
function useTable(): {
  table: PivotTableData | null
  spec: PivotSpec | null
  error: FocalError | null
  running: boolean
} {
  const matrix = useAppStore((s) => s.pivotMatrix)
  const running = useAppStore((s) => s.pivotTask.status === 'running')
  return { ...matrix, running }
}

/** Widths in pixels: services get room, the currency little, figures fit "USD -1,234,567.89". */
const WIDTHS = { label: 220, currency: 90, cell: 176, total: 184 } as const

const NONE_COLLAPSED: ReadonlySet<string> = new Set()

/** The pivot table of the spec being edited. */
export function PivotMatrix() {
  const { table: whole, spec, error, running } = useTable()
  const updateSpec = useAppStore((s) => s.updateSpec)
  const openRows = useAppStore((s) => s.openRows)
  const [selection, setSelection] = useState<GridSelection | null>(null)
  const [copyNote, setCopyNote] = useState<string | null>(null)
  // Collapsed groups belong to the row dimensions they were made under: other ones start expanded.
  const rowsKey = spec ? JSON.stringify(spec.rows) : ''
  const [collapse, setCollapse] = useState({ key: '', ids: NONE_COLLAPSED })
  const collapsed = collapse.key === rowsKey ? collapse.ids : NONE_COLLAPSED
  const groups = useMemo(() => (whole && spec ? collapsibleGroups(spec, whole) : []), [whole, spec])
  const visible = useMemo(
    () => (whole && spec ? visibleRows(spec, whole, collapsed) : []),
    [whole, spec, collapsed],
  )
  // The table as shown: the grid, the selection and a copy all read these rows only.
  const table = useMemo(
    () => (whole ? { ...whole, rows: visible.map((i) => whole.rows[i]!) } : null),
    [whole, visible],
  )
  // A new table has other rows and columns: an old selection would point at other cells.
  useEffect(() => setSelection(null), [table])
  const grid = useMemo(() => (table && spec ? pivotGrid(spec, table) : null), [table, spec])
  if (error) return <ErrorAlert error={error} title="The pivot table could not run" />
  if (!whole || !table || !spec || !grid) return <Loader m="xl" />
  const setCollapsed = (ids: ReadonlySet<string>): void => setCollapse({ key: rowsKey, ids })
  const toggle = (id: string): void => {
    const next = new Set(collapsed)
    if (!next.delete(id)) next.add(id)
    setCollapsed(next)
  }
  const timeRow = spec.timeGrain !== 'none' && spec.columns?.kind !== 'time'
  const firstLevel = timeRow ? 1 : 0
  const n = table.measures.length
  const across = table.columnKeys.length > 0
  const totals = grid.columns.filter((c) => c.role === 'total').map((c) => c.measure)
  const sortBy =
    (by: string, first: 'asc' | 'desc'): (() => void) =>
    () =>
      updateSpec({
        sort: {
          by,
          direction:
            spec.sort?.by === by ? (spec.sort.direction === 'asc' ? 'desc' : 'asc') : first,
        },
      })
  const sorted = (by: string): 'asc' | 'desc' | null =>
    spec.sort?.by === by ? spec.sort.direction : null
  const columns: MatrixColumn[] = [
    ...table.rowHeaders.map((name, i) => ({
      label: grid.columns[i]!.header,
      align: 'left' as const,
      width: name === 'BillingCurrency' ? WIDTHS.currency : WIDTHS.label,
      pinned: true,
      onHeaderClick: sortBy(name, 'asc'),
      sorted: sorted(name),
    })),
    ...table.cellHeaders.map((label) => ({
      label,
      align: 'right' as const,
      width: WIDTHS.cell,
      onHeaderClick: sortBy(label, 'desc'),
      sorted: sorted(label),
    })),
    ...totals.map((i) => ({
      label: `Total ${table.measures[i]!.label}`,
      align: 'right' as const,
      width: WIDTHS.total,
      // A measure's own name sorts by its total across the columns (table.ts).
      onHeaderClick: sortBy(table.measures[i]!.label, 'desc'),
      sorted: sorted(table.measures[i]!.label),
    })),
  ]
  const copy = (): void => {
    if (!selection) return
    const size = selectionSize(selection)
    copyText(gridTsv(grid, selectionRange(selection))).then(
      () => setCopyNote(`Copied ${size} cells.`),
      (cause: unknown) =>
        setCopyNote(`The copy failed: ${cause instanceof Error ? cause.message : String(cause)}`),
    )
  }
  const strong = (row: number, content: ReactNode): ReactNode => {
    const kind = table.rows[row]!.kind
    return kind === 'subtotal' || kind === 'total' ? <b>{content}</b> : content
  }
  const title = (row: number, cell: number | null): string => {
    const r = table.rows[row]!
    const parts = table.rowHeaders.map((_, at) => rowLabel(spec, r, at).text).filter(Boolean)
    if (cell !== null && across) parts.push(table.columnKeys[Math.floor(cell / n)] ?? '(none)')
    return parts.join(' · ')
  }
  const request = (row: number, index: number) => {
    const at = index - table.rowHeaders.length
    if (at < 0 || at >= table.cellHeaders.length || table.rows[row]?.cells[at] == null) return null
    // The whole table, so a fold's kept values include the rows of collapsed groups.
    return tableCellRowsRequest(spec, whole, visible[row]!, at)
  }
  const open = (row: number, index: number): void => {
    const rows = request(row, index)
    if (rows) openRows(title(row, index - table.rowHeaders.length), rows)
  }
  const cell = (row: number, index: number): ReactNode => {
    const r = table.rows[row]
    if (!r) return null
    const shown = grid.cell(row, index)
    if (index < table.rowHeaders.length) {
      const label = rowLabel(spec, r, index)
      const marker = label.marker && (r.kind === 'detail' || r.kind === 'other')
      const text = (
        <span title={shown.text}>
          {strong(row, marker ? <span className={classes.none}>{shown.text}</span> : shown.text)}
        </span>
      )
      const id = r.kind === 'subtotal' && index === firstLevel ? groupId(spec, r) : null
      if (id === null) return text
      const expanded = !collapsed.has(id)
      return (
        <>
          <UnstyledButton
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${shown.text}`}
            title={
              expanded ? 'Hide this row’s detail, keep its subtotal' : 'Show this row’s detail'
            }
            className={classes.toggle}
            data-testid="matrix-toggle"
            // The click toggles; it does not start a cell selection under it.
            onMouseDown={(event) => event.stopPropagation()}
            onClick={() => toggle(id)}
          >
            {expanded ? '▾' : '▸'}
          </UnstyledButton>
          {text}
        </>
      )
    }
    const column = grid.columns[index]!
    const figure =
      shown.value === null ? (
        <span className={classes.none}>{shown.text}</span>
      ) : column.kind === 'money' ? (
        // The same text as the grid's (formatAmount), with the exact decimal on hover.
        <Amount value={shown.value} currency={shown.currency ?? ''} />
      ) : (
        shown.text
      )
    const content = strong(row, figure)
    if (request(row, index) === null) return content
    const at = index - table.rowHeaders.length
    return (
      <span
        title="Double-click (or Enter) to show the rows behind this figure"
        data-testid="matrix-cell"
        data-cell={`${title(row, at)} · ${table.cellHeaders[at]}`}
      >
        {content}
      </span>
    )
  }
  return (
    <Box>
      <Group gap="xs" mb="xs" justify="space-between">
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="matrix-summary">
            {whole.rows.length.toLocaleString('en-US')} rows
            {visible.length < whole.rows.length
              ? ` (${visible.length.toLocaleString('en-US')} shown)`
              : ''}{' '}
            · dates by {table.dateBasis === 'billing' ? 'billing period' : 'charge period'}
          </Text>
          {running ? <Loader size="xs" /> : null}
        </Group>
        <MatrixActions
          spec={spec}
          selected={selection ? selectionSize(selection) : null}
          onCopy={copy}
          copyNote={copyNote}
          groups={groups.length}
          collapsed={groups.filter((g) => collapsed.has(g)).length}
          onCollapseAll={() => setCollapsed(new Set(groups))}
          onExpandAll={() => setCollapsed(NONE_COLLAPSED)}
        />
      </Group>
      <MatrixGrid
        columns={columns}
        rowCount={table.rows.length}
        cell={cell}
        height={480}
        selection={selection}
        onSelect={setSelection}
        onCopy={copy}
        onOpen={open}
        testId="pivot-matrix"
      />
    </Box>
  )
}
