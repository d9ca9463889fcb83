/**
 * "Explain this number" in the Rows drawer: the figure's rows, their totals, source files
 * with SHA-256 and the audit entries of their imports, downloaded as one ZIP an auditor can
 * check without Focal (electron/core/rows/evidence.ts).
 */
import { Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { toFocalError, type FocalError } from '../../../../shared/contract'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from './grid-export'

/** The evidence bundle button of a figure's rows. */
export function EvidenceButton({ title, request }: { title: string; request: RowsPageRequest }) {
  const rowsEvidence = useAppStore((s) => s.rowsEvidence)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FocalError | null>(null)
  const download = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      downloadExport(await rowsEvidence(request, title))
    } catch (cause) {
      setError(toFocalError(cause))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" maw={620}>
          Every row this figure sums, with the file and line it came from. The evidence bundle adds
          the totals, each source file&apos;s SHA-256 and the audit entries of its import.
        </Text>
        <Button
          size="xs"
          variant="light"
          loading={busy}
          onClick={() => void download()}
          data-testid="rows-evidence"
        >
          Evidence bundle (ZIP)
        </Button>
      </Group>
      {error ? <ErrorAlert error={error} title="No evidence bundle" /> : null}
    </>
  )
}
