/** Where files come in: drag and drop, or a file picker. Either way it is the user's own gesture. */
import { Button, Stack, Text } from '@mantine/core'
import { useRef, useState, type DragEvent } from 'react'
import { ImportIcon } from '../../components/icons'
import classes from './drop-zone.module.css'

/** A drop target with a "Choose files" button; calls `onFiles` with what the user gave. */
export function DropZone({
  onFiles,
  disabled,
}: {
  onFiles: (files: File[]) => void
  disabled: boolean
}) {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const drop = (event: DragEvent): void => {
    event.preventDefault()
    setOver(false)
    if (!disabled) onFiles([...event.dataTransfer.files])
  }
  return (
    <div
      className={classes.zone}
      data-over={over || undefined}
      data-disabled={disabled || undefined}
      onDragOver={(event) => {
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <Stack align="center" gap="xs">
        <ImportIcon size={40} />
        <Text fw={600} size="lg">
          Drop billing exports here
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          FOCUS 1.0 to 1.4, AWS Cost and Usage Reports (legacy and CUR 2.0), Azure cost details (EA,
          MCA, usage details), GCP Cloud Billing exports and OCI cost reports, as CSV, CSV.gz or
          Parquet, or ZIP archives of them. The format is detected from the header; each file is
          checked and reconciled before anything is stored.
        </Text>
        <Button variant="light" mt="xs" disabled={disabled} onClick={() => input.current?.click()}>
          Choose files…
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept=".csv,.gz,.parquet,.json,.jsonl,.ndjson,.zip,text/csv"
          data-testid="file-input"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])]
            // Reset so choosing the same file again still fires a change.
            event.currentTarget.value = ''
            if (files.length) onFiles(files)
          }}
        />
      </Stack>
    </div>
  )
}
