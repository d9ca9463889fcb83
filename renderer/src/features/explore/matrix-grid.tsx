/**
 * The pivot table's grid (issue 9, Pivot): windowed both ways, so 100k rows or hundreds of
 * column keys keep only the cells in view in the DOM; the row labels stay pinned on the left
 * and the header row on top while the figures scroll under them. Cells select like a
 * spreadsheet's (click, shift+click, drag, Ctrl/Cmd+A, arrows) and Ctrl/Cmd+C copies them.
 */
import { UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import {
  clickSelection,
  isSelected,
  selectAll,
  type GridPoint,
  type GridSelection,
} from './grid-selection'
import classes from './matrix-grid.module.css'

/** One column of the grid: pinned columns come first and stay in view. */
export interface MatrixColumn {
  readonly label: string
  readonly align: 'left' | 'right'
  /** Width in pixels (fixed, so pinned offsets and the column window are exact). */
  readonly width: number
  readonly pinned?: boolean
  readonly onHeaderClick?: () => void
  readonly sorted?: 'asc' | 'desc' | null
}

const HEADER_HEIGHT = 36
const ROW_HEIGHT = 34

/** `columns` with the figures' columns widened to share `room` when they leave some empty. */
function stretch(columns: readonly MatrixColumn[], room: number): readonly MatrixColumn[] {
  const natural = columns.reduce((w, c) => w + c.width, 0)
  const free = columns.filter((c) => !c.pinned).length
  if (room <= natural || free === 0) return columns
  const extra = Math.floor((room - natural) / free)
  return columns.map((c) => (c.pinned ? c : { ...c, width: c.width + extra }))
}

/** The grid; selection is the caller's, so its Copy button and the keyboard copy the same. */
export function MatrixGrid(props: {
  columns: readonly MatrixColumn[]
  rowCount: number
  cell: (row: number, column: number) => ReactNode
  height: number
  selection: GridSelection | null
  onSelect: (selection: GridSelection | null) => void
  onCopy: () => void
  /** Enter on a cell, or a double-click: e.g. open the rows behind a figure. */
  onOpen?: (row: number, column: number) => void
  testId?: string
}) {
  const { rowCount, cell, height, selection, onSelect, onCopy, onOpen, testId } = props
  const scroller = useRef<HTMLDivElement>(null)
  // The width the grid has: columns narrower than it in total widen to fill it.
  const [room, setRoom] = useState(0)
  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(() => setRoom(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const columns = stretch(props.columns, room)
  const dragging = useRef(false)
  const pinned = columns.flatMap((c, i) => (c.pinned ? [i] : []))
  const free = columns.flatMap((c, i) => (c.pinned ? [] : [i]))
  const pinnedWidth = pinned.reduce((w, i) => w + columns[i]!.width, 0)
  const totalWidth = columns.reduce((w, c) => w + c.width, 0)
  // The column window is keyed by label and width, so a new layout is measured afresh.
  const signature = free.map((i) => `${columns[i]!.label}:${columns[i]!.width}`).join('\n')
  const columnKey = useCallback(
    (index: number) => signature.split('\n')[index] ?? index,
    [signature],
  )
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
  })
  const across = useVirtualizer({
    horizontal: true,
    count: free.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => columns[free[index]!]?.width ?? 100,
    getItemKey: columnKey,
    overscan: 4,
    paddingStart: pinnedWidth,
  })
  useEffect(() => {
    const stop = (): void => {
      dragging.current = false
    }
    window.addEventListener('mouseup', stop)
    return () => window.removeEventListener('mouseup', stop)
  }, [])

  const select = (point: GridPoint, extend: boolean): void =>
    onSelect(clickSelection(selection, point, extend))
  const move = (event: KeyboardEvent, rowStep: number, columnStep: number): void => {
    event.preventDefault()
    const from = selection?.focus ?? { row: 0, column: 0 }
    const point = {
      row: Math.max(-1, Math.min(rowCount - 1, from.row + rowStep)),
      column: Math.max(0, Math.min(columns.length - 1, from.column + columnStep)),
    }
    select(point, event.shiftKey)
    if (point.row >= 0) rows.scrollToIndex(point.row)
    const at = free.indexOf(point.column)
    if (at >= 0) across.scrollToIndex(at)
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    const command = event.ctrlKey || event.metaKey
    const key = event.key.toLowerCase()
    if (command && key === 'a') {
      event.preventDefault()
      onSelect(selectAll(rowCount, columns.length))
    } else if (command && key === 'c') {
      event.preventDefault()
      onCopy()
    } else if (event.key === 'Escape') onSelect(null)
    else if (event.key === 'Enter' && selection && selection.focus.row >= 0)
      onOpen?.(selection.focus.row, selection.focus.column)
    else if (event.key === 'ArrowDown') move(event, 1, 0)
    else if (event.key === 'ArrowUp') move(event, -1, 0)
    else if (event.key === 'ArrowRight') move(event, 0, 1)
    else if (event.key === 'ArrowLeft') move(event, 0, -1)
  }

  const box = (row: number, column: number, left: number | null, content: ReactNode) => {
    const c = columns[column]!
    const selected = isSelected(selection, row, column)
    return (
      <div
        key={column}
        role={row < 0 ? 'columnheader' : 'cell'}
        className={[
          classes.cell,
          c.align === 'right' ? classes.right : '',
          selected ? classes.selected : '',
        ].join(' ')}
        style={{ width: c.width, ...(left === null ? {} : { left }) }}
        data-selected={selected || undefined}
        aria-sort={
          row < 0 && c.sorted ? (c.sorted === 'asc' ? 'ascending' : 'descending') : undefined
        }
        onMouseDown={(event) => {
          // A plain click on a header sorts; shift+click (or a drag into it) takes headers along.
          if (event.button !== 0 || (row < 0 && !event.shiftKey)) return
          dragging.current = true
          select({ row, column }, event.shiftKey)
          scroller.current?.focus({ preventScroll: true })
        }}
        onMouseEnter={() => {
          if (dragging.current && selection)
            onSelect({ anchor: selection.anchor, focus: { row, column } })
        }}
        onDoubleClick={() => row >= 0 && onOpen?.(row, column)}
      >
        <span className={classes.content}>{content}</span>
      </div>
    )
  }
  const header = (column: number): ReactNode => {
    const c = columns[column]!
    if (!c.onHeaderClick) return <span>{c.label}</span>
    return (
      <UnstyledButton
        onClick={(event) => !event.shiftKey && c.onHeaderClick?.()}
        className={classes.sort}
        title={`Sort by ${c.label}`}
        fw={600}
        fz="xs"
        c="dimmed"
      >
        {c.label}
        {c.sorted ? (c.sorted === 'asc' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    )
  }
  const line = (row: number, content: (column: number) => ReactNode): ReactNode => [
    <div key="pinned" className={classes.pinned} style={{ width: pinnedWidth }}>
      {pinned.map((column) => box(row, column, null, content(column)))}
    </div>,
    ...across.getVirtualItems().map((item) => {
      const column = free[item.index]!
      return box(row, column, item.start, content(column))
    }),
  ]

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      style={{ maxHeight: height }}
      tabIndex={0}
      onKeyDown={onKeyDown}
      role="table"
      aria-rowcount={rowCount}
      aria-colcount={columns.length}
      data-testid={testId}
    >
      <div style={{ height: rows.getTotalSize(), width: totalWidth, position: 'relative' }}>
        <div
          className={classes.header}
          style={{ height: HEADER_HEIGHT, width: totalWidth }}
          role="row"
        >
          {line(-1, header)}
        </div>
        {rows.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="row"
            data-testid="table-row"
            className={classes.row}
            style={{ top: item.start, height: item.size, width: totalWidth }}
          >
            {line(item.index, (column) => cell(item.index, column))}
          </div>
        ))}
      </div>
    </div>
  )
}
