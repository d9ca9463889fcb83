/**
 * A windowed table: only the rows in view are in the DOM, so a pivot of a
 * hundred thousand rows scrolls as smoothly as one of ten.
 */
import { Box, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'
import classes from './virtual-table.module.css'

/** One column of a VirtualTable. */
export interface VirtualColumn {
  readonly label: string
  readonly align: 'left' | 'right'
  /** CSS grid track, e.g. 'minmax(160px, 2fr)'. */
  readonly width: string
  /** Makes the header a button (e.g. to sort by the column); `sorted` shows the direction. */
  readonly onHeaderClick?: () => void
  readonly sorted?: 'asc' | 'desc' | null
}

const ROW_HEIGHT = 34

/** Renders `rowCount` rows, asking `cell` for each visible cell; `footer` stays under the rows. */
export function VirtualTable(props: {
  columns: readonly VirtualColumn[]
  rowCount: number
  cell: (row: number, column: number) => ReactNode
  height: number
  footer?: ReactNode
  testId?: string
}) {
  const { columns, rowCount, cell, height, footer, testId } = props
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const template = columns.map((c) => c.width).join(' ')
  const align = (index: number): 'left' | 'right' => columns[index]?.align ?? 'left'

  return (
    <Box className={classes.table} data-testid={testId} role="table" aria-rowcount={rowCount}>
      <div className={classes.header} style={{ gridTemplateColumns: template }} role="row">
        {columns.map((column, index) => (
          <Text
            key={column.label}
            component="div"
            role="columnheader"
            className={classes.cell}
            ta={align(index)}
            fw={600}
            size="xs"
            c="dimmed"
            aria-sort={
              column.sorted ? (column.sorted === 'asc' ? 'ascending' : 'descending') : undefined
            }
          >
            {column.onHeaderClick ? (
              <UnstyledButton
                onClick={column.onHeaderClick}
                className={classes.sort}
                title={`Sort by ${column.label}`}
              >
                {column.label}
                {column.sorted ? (column.sorted === 'asc' ? ' ▲' : ' ▼') : ''}
              </UnstyledButton>
            ) : (
              column.label
            )}
          </Text>
        ))}
      </div>
      <div ref={scroller} className={classes.body} style={{ maxHeight: height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              role="row"
              data-testid="table-row"
              className={classes.row}
              style={{
                gridTemplateColumns: template,
                height: item.size,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {columns.map((column, index) => (
                <div
                  key={column.label}
                  role="cell"
                  className={classes.cell}
                  style={{ textAlign: align(index) }}
                >
                  {cell(item.index, index)}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
      {footer}
    </Box>
  )
}
