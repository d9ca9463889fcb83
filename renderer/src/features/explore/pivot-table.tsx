/** The pivot result as a windowed table, with exact totals per currency (or unit) underneath. */
import { Text, UnstyledButton } from '@mantine/core'
import { useMemo } from 'react'
import { MONEY_MEASURES, NONE_LABEL, type PivotSpec } from '../../../../shared/pivot'
import { formatExact } from '../../../../shared/report'
import { Amount, formatQuantity } from '../../components/amount'
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table'
import {
  dimensionText,
  formatTime,
  grainLabel,
  isFold,
  totalsByUnit,
  type PivotView,
  type ViewColumn,
} from './pivot-view'
import classes from './pivot-table.module.css'
import { useAppStore } from '../../state/store-context'
import { cellRowsRequest } from './rows-request'

const LABELS = { time: '', unit: 'Currency', count: 'Rows' } as const

/** Grid widths; the time column fits "Sep 2024" and "2024-09-18" whole at 1024 px. */
const COLUMN_WIDTHS: Partial<Record<ViewColumn['role'], string>> = {
  dimension: 'minmax(180px, 3fr)',
  value: 'minmax(160px, 2fr)',
  time: 'minmax(112px, 1fr)',
}

function columnLabel(column: ViewColumn, spec: PivotSpec): string {
  const money = MONEY_MEASURES.includes(spec.measure)
  if (column.role === 'time') return grainLabel(spec.timeGrain)
  if (column.role === 'unit') return money ? LABELS.unit : 'Unit'
  if (column.role === 'value') return spec.measure
  if (column.role === 'count') return LABELS.count
  return column.name
}

/** The result table and its totals. */
export function PivotTable({ view, spec }: { view: PivotView; spec: PivotSpec }) {
  const money = MONEY_MEASURES.includes(spec.measure)
  const openRows = useAppStore((s) => s.openRows)
  const truncated = useAppStore((s) => s.pivotMeta?.truncated ?? false)
  const cellTitle = (row: number): string =>
    [
      ...(view.time ? [formatTime(view.time.text(row), spec.timeGrain)] : []),
      ...view.dimensions.map((_, i) => dimensionText(view, i, row)),
      ...(view.unit ? [view.unit.text(row) ?? ''] : []),
    ].join(' · ')
  // The float 'chart' column is for the chart only; people read the exact 'value'. The fold's
  // flag shows as the "(Other)" label of its row.
  const shown = view.columns.filter((column) => column.role !== 'chart' && column.role !== 'other')
  const columns: VirtualColumn[] = shown.map((column) => ({
    label: columnLabel(column, spec),
    align: column.role === 'value' || column.role === 'count' ? 'right' : 'left',
    width: COLUMN_WIDTHS[column.role] ?? 'minmax(90px, 1fr)',
  }))
  const cell = (row: number, index: number) => {
    const column = shown[index]
    if (!column) return null
    const text = column.text(row)
    if (column.role === 'time') return formatTime(text, spec.timeGrain)
    if (column.role === 'count') return text == null ? '—' : Number(text).toLocaleString('en-US')
    if (column.role === 'value' && text != null) {
      const unit = view.unit?.text(row) ?? ''
      const shown = money ? (
        <Amount value={text} currency={unit} />
      ) : (
        formatQuantity(text, unit || null)
      )
      // Drill-through: a figure opens the rows it sums (rows-drawer.tsx).
      const request = cellRowsRequest(spec, view, row, truncated)
      if (request === null) return shown
      return (
        <UnstyledButton
          onClick={() => openRows(cellTitle(row), request)}
          title="Show the rows behind this figure"
          data-testid="pivot-cell"
        >
          {shown}
        </UnstyledButton>
      )
    }
    const dimension = view.dimensions.indexOf(column)
    if (dimension < 0) return text ?? <span className={classes.none}>{NONE_LABEL}</span>
    const label = dimensionText(view, dimension, row)
    // The fold and a missing value are not data: they read in italics, real values as they are.
    return text === null || (dimension === 0 && isFold(view, row)) ? (
      <span className={classes.none}>{label}</span>
    ) : (
      label
    )
  }
  // An exact sum over every result row: once per result, not per render.
  const totals = useMemo(() => totalsByUnit(view), [view])
  const footer = (
    <div className={classes.totals} data-testid="pivot-totals">
      {totals.map((total) => (
        <div key={total.unit} className={classes.total} data-testid={`pivot-total-${total.unit}`}>
          <Text fw={700} size="sm">
            Total {total.unit || spec.measure}
          </Text>
          <Text fw={700} size="sm" className="amount" data-value={total.value ?? total.count ?? ''}>
            {total.value != null
              ? money
                ? formatExact(total.value, total.unit)
                : formatQuantity(total.value, total.unit || null)
              : null}
            {total.count != null ? (
              <span className={classes.rows}>
                {total.count.toLocaleString('en-US')} {total.count === 1 ? 'row' : 'rows'}
              </span>
            ) : null}
          </Text>
        </div>
      ))}
    </div>
  )
  return (
    <VirtualTable
      columns={columns}
      rowCount={view.rowCount}
      cell={cell}
      height={440}
      footer={footer}
      testId="pivot-table"
    />
  )
}
