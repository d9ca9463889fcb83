/**
 * The pivot table's actions (issue 9, "copy a selection; export the view exactly as shown"):
 * Copy puts the selected cells on the clipboard as tab-separated text, as shown (collapsed rows
 * left out); Export CSV and Export XLSX download the whole view from the core (pivot:export),
 * every row expanded. Collapse all / Expand all fold the first-level rows to their subtotals.
 */
import { Button, Group, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { toFocalError } from '../../../../shared/contract'
import type { PivotSpec } from '../../../../shared/pivot'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from './grid-export'

const EXPORT_NOTE =
  'The whole table as shown, every row expanded (subtotals, (Other) and totals included), under a header block: workspace, filters, dates, date basis, measures, currency, when.'

/** Copy, Export CSV and Export XLSX, with a line saying what the last one did. */
export function MatrixActions(props: {
  spec: PivotSpec
  /** "2 × 3" when cells are selected, null when none are. */
  selected: string | null
  onCopy: () => void
  /** What the last copy did ("Copied 2 × 3 cells."), shown beside the buttons. */
  copyNote: string | null
  /** First-level rows that can collapse (0 with one row dimension: no buttons) and how many are. */
  groups: number
  collapsed: number
  onCollapseAll: () => void
  onExpandAll: () => void
}) {
  const { spec, selected, onCopy, copyNote, groups, collapsed } = props
  const pivotExport = useAppStore((s) => s.pivotExport)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null)
  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    setBusy(format)
    try {
      const file = await pivotExport(spec, format)
      downloadExport(file)
      setNote(`Exported ${file.fileName}.`)
    } catch (cause) {
      setNote(`The export failed: ${toFocalError(cause).message}`)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Group gap="xs">
      {groups > 0 ? (
        <>
          <Button
            size="xs"
            variant="default"
            disabled={collapsed === groups}
            onClick={props.onCollapseAll}
            data-testid="matrix-collapse-all"
          >
            Collapse all
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={collapsed === 0}
            onClick={props.onExpandAll}
            data-testid="matrix-expand-all"
          >
            Expand all
          </Button>
        </>
      ) : null}
      <Tooltip label="Select cells first (click, shift+click, drag, or Ctrl+A in the table)">
        <Button
          size="xs"
          variant="default"
          disabled={selected === null}
          onClick={onCopy}
          data-testid="matrix-copy"
        >
          Copy
        </Button>
      </Tooltip>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Tooltip key={format} label={EXPORT_NOTE} multiline w={320}>
          <Button
            size="xs"
            variant="default"
            loading={busy === format}
            onClick={() => void exportAs(format)}
            data-testid={`matrix-export-${format}`}
          >
            Export {format.toUpperCase()}
          </Button>
        </Tooltip>
      ))}
      {copyNote ? (
        <Text size="xs" c="dimmed" data-testid="matrix-copy-note" role="status">
          {copyNote}
        </Text>
      ) : null}
      {note ? (
        <Text size="xs" c="dimmed" data-testid="matrix-export-note" role="status">
          {note}
        </Text>
      ) : null}
    </Group>
  )
}
