/**
 * "Show in source" where there is no folder dialog (the web host): the person types the folder
 * the source file is in; the host looks for the file by its SHA-256 there and answers its line.
 */
import { Button, Group, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { toFocalError, type FocalError } from '../../../../shared/contract'
import type { RowKey, RowSource } from '../../../../shared/contract/rows'
import { adviceFor } from '../../components/error-alert'

/** The folder field under a "not at hand" answer; `onAnswer` gets what the host found there. */
export function SourceFolderField({
  rowKey,
  fileName,
  look,
  onAnswer,
}: {
  rowKey: RowKey
  fileName: string
  look: (key: RowKey, folder: string) => Promise<RowSource>
  onAnswer: (source: RowSource) => void
}) {
  const [folder, setFolder] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FocalError | null>(null)
  const submit = (): void => {
    if (folder.trim() === '') return
    setBusy(true)
    setError(null)
    look(rowKey, folder.trim())
      .then(onAnswer, (cause: unknown) => setError(toFocalError(cause)))
      .finally(() => setBusy(false))
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={`Folder that holds ${fileName}`}
          description="Its full path on this computer; a renamed copy is found by its contents."
          placeholder="/home/me/billing or C:\billing"
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={error ? `${error.message} ${adviceFor(error)}` : null}
          style={{ flex: 1 }}
          data-testid="source-folder"
        />
        <Button
          type="submit"
          size="sm"
          variant="default"
          loading={busy}
          disabled={folder.trim() === ''}
          data-testid="source-folder-look"
        >
          Look there
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Focal reads the folder only to find this file; the link lasts until Focal stops.
      </Text>
    </form>
  )
}
