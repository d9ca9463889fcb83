/**
 * The Views bar of Explore: save the pivot under a name (a taken name asks before replacing),
 * open a saved view, rename, duplicate, delete (asks first), export as a JSON download and
 * import an uploaded one; with undo/redo of pivot changes. Files are read in the page: no path
 * crosses to the host (CONVENTIONS.md #4).
 */
import { Button, FileButton, Group, Select, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import type { ViewSaveOutcome } from '../../state/views-slice'
import { readFileText } from '../allocate/rules-file'
import { downloadText } from '../mapping/download'
import { SpecHistoryButtons, useSpecHistory } from './saved-views-history'

/** A question waiting for the person: replace a taken name, or delete a view. */
type Question =
  | { kind: 'replace'; name: string; retry: () => Promise<ViewSaveOutcome> }
  | { kind: 'delete'; name: string }

/** The saved-views bar; mounted once by the Explore screen. */
export function SavedViews() {
  const views = useAppStore((s) => s.views)
  const version = useAppStore((s) => s.dataVersion)
  const refresh = useAppStore((s) => s.refreshViews)
  const save = useAppStore((s) => s.saveView)
  const open = useAppStore((s) => s.openView)
  const rename = useAppStore((s) => s.renameView)
  const duplicate = useAppStore((s) => s.duplicateView)
  const remove = useAppStore((s) => s.deleteView)
  const exportView = useAppStore((s) => s.exportView)
  const importView = useAppStore((s) => s.importView)
  const [name, setName] = useState('')
  const [question, setQuestion] = useState<Question | null>(null)
  useSpecHistory()
  useEffect(() => {
    void refresh()
  }, [refresh, version])

  const selected = views.current
  const typed = name.trim()
  const ask = (outcome: ViewSaveOutcome, named: string, retry: Question & { kind: 'replace' }) =>
    setQuestion(outcome === 'exists' ? { ...retry, name: named } : null)
  const saveAs = async (): Promise<void> =>
    ask(await save(typed, false), typed, {
      kind: 'replace',
      name: typed,
      retry: () => save(typed, true),
    })
  const pick = async (file: File | null): Promise<void> => {
    if (!file) return
    const text = await readFileText(file)
    const outcome = await importView(file.name, text, false)
    ask(outcome, file.name, {
      kind: 'replace',
      name: file.name,
      retry: () => importView(file.name, text, true),
    })
  }

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="saved-views">
      <Select
        label="Saved view"
        placeholder={views.list.length ? 'Open a view' : 'No saved views yet'}
        data={views.list.map((v) => v.name)}
        value={selected}
        onChange={(value) => value && open(value)}
        disabled={views.list.length === 0}
        // Choosing the open view again reopens it rather than clearing the choice.
        allowDeselect={false}
        w={220}
        data-testid="view-select"
      />
      <TextInput
        label="Name"
        placeholder="Name for this pivot"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        w={200}
        data-testid="view-name"
      />
      <Button size="sm" disabled={!typed} onClick={() => void saveAs()} data-testid="save-view">
        Save view
      </Button>
      <Button
        size="sm"
        variant="default"
        disabled={!selected || !typed}
        onClick={() => selected && void rename(selected, typed)}
        data-testid="rename-view"
      >
        Rename to name
      </Button>
      <Button
        size="sm"
        variant="default"
        disabled={!selected || !typed}
        onClick={() => selected && void duplicate(selected, typed)}
        data-testid="duplicate-view"
      >
        Duplicate as name
      </Button>
      <Button
        size="sm"
        variant="default"
        color="red"
        disabled={!selected}
        onClick={() => selected && setQuestion({ kind: 'delete', name: selected })}
        data-testid="delete-view"
      >
        Delete
      </Button>
      <Button
        size="sm"
        variant="default"
        disabled={!selected}
        onClick={async () => {
          const file = selected ? await exportView(selected) : null
          if (file) downloadText(file.fileName, file.text)
        }}
        data-testid="export-view"
      >
        Export
      </Button>
      <FileButton accept="application/json,.json" onChange={(file) => void pick(file)}>
        {(props) => (
          <Button size="sm" variant="default" {...props} data-testid="import-view">
            Import
          </Button>
        )}
      </FileButton>
      <SpecHistoryButtons />
      {question ? (
        <Group gap="xs" w="100%" data-testid="view-question">
          <Text size="sm">
            {question.kind === 'replace'
              ? `A view with that name exists (${question.name}). Replace it?`
              : `Delete the view ${question.name}? Its pivot is not kept anywhere else.`}
          </Text>
          <Button
            size="xs"
            color="red"
            onClick={async () => {
              setQuestion(null)
              if (question.kind === 'replace') await question.retry()
              else await remove(question.name)
            }}
            data-testid="view-confirm"
          >
            {question.kind === 'replace' ? 'Replace' : 'Delete'}
          </Button>
          <Button size="xs" variant="default" onClick={() => setQuestion(null)}>
            Cancel
          </Button>
        </Group>
      ) : null}
      {views.change.status === 'failed' && views.change.error ? (
        <ErrorAlert error={views.change.error} title="The view was not changed" />
      ) : null}
    </Group>
  )
}
