/**
 * The pivot table (issue 9, Pivot): rows × the column axis × several measures, subtotals and one
 * grand total per currency, read over `pivot:table`. Header clicks sort; a figure opens its rows.
 */
import { Box, Group, Loader, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import type { FocalError, PivotTableData } from '../../../../shared/contract'
import { toFocalError } from '../../../../shared/contract'
import type { PivotSpec } from '../../../../shared/pivot'
import { Amount, formatQuantity } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table'
import { useAppStore } from '../../state/store-context'
import { additiveMeasures, formatRatio, rowLabel, rowTotal } from './matrix-cells'
import classes from './pivot-table.module.css'
import { tableCellRowsRequest } from './table-rows-request'

/** Waits after the last change before asking, like the chart's run. */
const RUN_DELAY_MS = 250

/** True when the spec asks for the table: several measures or a column axis. */
export function wantsMatrix(spec: PivotSpec): boolean {
  return Boolean(spec.columns || spec.measures?.length)
}

function useTable(): {
  table: PivotTableData | null
  spec: PivotSpec | null
  error: FocalError | null
  running: boolean
} {
  const spec = useAppStore((s) => s.spec)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const pivotTable = useAppStore((s) => s.pivotTable)
  const [state, setState] = useState<{
    table: PivotTableData | null
    spec: PivotSpec | null
    error: FocalError | null
  }>({ table: null, spec: null, error: null })
  const [running, setRunning] = useState(false)
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      setRunning(true)
      pivotTable(spec)
        .then(
          (table) => current && setState({ table, spec, error: null }),
          (cause: unknown) => current && setState((s) => ({ ...s, error: toFocalError(cause) })),
        )
        .finally(() => current && setRunning(false))
    }, RUN_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [spec, dataVersion, pivotTable])
  return { ...state, running }
}

/** The pivot table of the spec being edited. */
export function PivotMatrix() {
  const { table, spec, error, running } = useTable()
  const updateSpec = useAppStore((s) => s.updateSpec)
  const openRows = useAppStore((s) => s.openRows)
  if (error) return <ErrorAlert error={error} title="The pivot table could not run" />
  if (!table || !spec) return <Loader m="xl" />
  const n = table.measures.length
  const across = table.columnKeys.length > 0
  const additive = additiveMeasures(table)
  const totals = across ? table.measures.flatMap((_, i) => (additive[i] ? [i] : [])) : []
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
  const headers = table.rowHeaders.map((name) => (name === 'BillingCurrency' ? 'Currency' : name))
  const columns: VirtualColumn[] = [
    ...table.rowHeaders.map((name, i) => ({
      label: headers[i]!,
      align: 'left' as const,
      width: name === 'BillingCurrency' ? 'minmax(90px, 0.6fr)' : 'minmax(220px, 2fr)',
      onHeaderClick: sortBy(name, 'asc'),
      sorted: sorted(name),
    })),
    ...table.cellHeaders.map((label) => ({
      label,
      align: 'right' as const,
      width: 'minmax(176px, 1fr)',
      onHeaderClick: sortBy(label, 'desc'),
      sorted: sorted(label),
    })),
    ...totals.map((i) => ({
      label: `Total ${table.measures[i]!.label}`,
      align: 'right' as const,
      width: 'minmax(184px, 1fr)',
      // A measure's own name sorts by its total across the columns (table.ts).
      onHeaderClick: sortBy(table.measures[i]!.label, 'desc'),
      sorted: sorted(table.measures[i]!.label),
    })),
  ]
  const minWidth = columns.reduce(
    (w, c) => w + Number(/minmax\((\d+)px/.exec(c.width)?.[1] ?? 100),
    0,
  )
  const figure = (row: number, value: string | null, measure: number): ReactNode => {
    if (value === null) return <span className={classes.none}>—</span>
    const r = table.rows[row]!
    const kind = table.measures[measure]!.kind
    if (kind === 'money')
      return <Amount value={value} currency={r.keys[table.currencyIndex] ?? ''} />
    if (kind === 'ratio') return formatRatio(value)
    if (kind === 'count') return Number(value).toLocaleString('en-US')
    return formatQuantity(value, null)
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
  const cell = (row: number, index: number): ReactNode => {
    const r = table.rows[row]
    if (!r) return null
    if (index < table.rowHeaders.length) {
      const label = rowLabel(spec, r, index)
      return strong(
        row,
        label.marker ? (
          <span className={r.kind === 'detail' || r.kind === 'other' ? classes.none : undefined}>
            {label.text}
          </span>
        ) : (
          label.text
        ),
      )
    }
    const at = index - table.rowHeaders.length
    if (at >= table.cellHeaders.length) {
      const measure = totals[at - table.cellHeaders.length]!
      return strong(row, figure(row, rowTotal(table, r, measure), measure))
    }
    const value = r.cells[at] ?? null
    const shown = strong(row, figure(row, value, at % n))
    if (value === null) return shown
    const request = tableCellRowsRequest(spec, table, row, at)
    if (request === null) return shown
    return (
      <UnstyledButton
        onClick={() => openRows(title(row, at), request)}
        title="Show the rows behind this figure"
        style={{ font: 'inherit' }}
        data-testid="matrix-cell"
        data-cell={`${title(row, at)} · ${table.cellHeaders[at]}`}
      >
        {shown}
      </UnstyledButton>
    )
  }
  return (
    <Box>
      <Group gap="xs" mb="xs">
        <Text size="sm" c="dimmed" data-testid="matrix-summary">
          {table.rows.length.toLocaleString('en-US')} rows · dates by{' '}
          {table.dateBasis === 'billing' ? 'billing period' : 'charge period'}
        </Text>
        {running ? <Loader size="xs" /> : null}
      </Group>
      <Box style={{ overflowX: 'auto' }}>
        <Box miw={minWidth}>
          <VirtualTable
            columns={columns}
            rowCount={table.rows.length}
            cell={cell}
            height={480}
            testId="pivot-matrix"
          />
        </Box>
      </Box>
    </Box>
  )
}
