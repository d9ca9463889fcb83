/**
 * Undo and redo of pivot changes in this session: the buttons, Ctrl+Z / Ctrl+Shift+Z (Cmd on a
 * Mac, and Ctrl+Y), and recording each new pivot as a step (views-slice, spec-history).
 */
import { Button, Group } from '@mantine/core'
import { useEffect } from 'react'
import { useAppStore } from '../../state/store-context'

// In a text field the keys undo typing, as the field's own undo; the pivot's undo is for the rest.
const inTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Records every pivot the screen shows as a step, and answers the undo/redo keys. */
export function useSpecHistory(): void {
  const spec = useAppStore((s) => s.spec)
  const record = useAppStore((s) => s.recordSpec)
  const undo = useAppStore((s) => s.undoSpec)
  const redo = useAppStore((s) => s.redoSpec)
  useEffect(() => record(spec), [spec, record])
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inTextField(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, redo])
}

/** The undo and redo buttons, disabled at either end of the history. */
export function SpecHistoryButtons() {
  const canUndo = useAppStore((s) => s.specHistory.past.length > 0)
  const canRedo = useAppStore((s) => s.specHistory.future.length > 0)
  const undo = useAppStore((s) => s.undoSpec)
  const redo = useAppStore((s) => s.redoSpec)
  return (
    <Group gap={4}>
      <Button
        size="sm"
        variant="default"
        disabled={!canUndo}
        onClick={undo}
        title="Undo the last pivot change (Ctrl+Z)"
        data-testid="spec-undo"
      >
        Undo
      </Button>
      <Button
        size="sm"
        variant="default"
        disabled={!canRedo}
        onClick={redo}
        title="Redo (Ctrl+Shift+Z)"
        data-testid="spec-redo"
      >
        Redo
      </Button>
    </Group>
  )
}
