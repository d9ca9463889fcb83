/**
 * Exporting the pack: which formats, the button, a progress bar while the
 * files are written (files done of total, the one being written), and the
 * files when it is done. The page never picks a folder: the web host writes
 * under its data folder, the desktop app asks in its own dialog.
 */
import { Button, Checkbox, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { REPORT_FORMATS, type ReportFormat } from '../../../../shared/contract'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { CompanyNameField } from './company-name-field'
import { ExportFiles } from './export-files'
import { JournalSettingsFields } from './journal-settings'
import { FxRatesFields } from './fx-rates'

const FORMAT_LABELS: Readonly<Record<ReportFormat, { label: string; description: string }>> = {
  pdf: { label: 'PDF', description: 'A summary and one PDF per cost center' },
  xlsx: {
    label: 'XLSX workbook',
    description: 'Summary, per cost center, detail, journal (chargeback), audit',
  },
  csv: { label: 'CSV', description: 'Summary, and journal lines for a chargeback' },
  'focus-csv': { label: 'FOCUS CSV', description: 'The allocated rows, FOCUS columns' },
  parquet: { label: 'Parquet', description: 'The allocated rows, for other engines' },
}

/** The export card content. */
export function ExportPanel({
  urlOf,
  canExport,
}: {
  urlOf: (jobId: string, name: string) => string | null
  canExport: boolean
}) {
  const formats = useAppStore((s) => s.reportFormats)
  const setFormats = useAppStore((s) => s.setReportFormats)
  const task = useAppStore((s) => s.exportTask)
  const job = useAppStore((s) => s.reportJob)
  const cancelled = useAppStore((s) => s.exportCancelled)
  const exportPack = useAppStore((s) => s.exportPack)
  const host = useAppStore((s) => s.appInfo?.host)
  const zipUrlOf = useAppStore((s) => s.reportZipUrl)
  const canOpenFolder = useAppStore((s) => s.canOpenReportFolder)
  const openFolder = useAppStore((s) => s.openReportFolder)
  const openFolderTask = useAppStore((s) => s.openFolderTask)
  const running = task.status === 'running'
  const percent = job && job.total > 0 ? (100 * job.done) / job.total : 0
  return (
    <Stack gap="sm">
      <Title order={4}>Export the pack</Title>
      <CompanyNameField />
      <JournalSettingsFields />
      <FxRatesFields />
      <Checkbox.Group
        value={[...formats]}
        onChange={(v) => setFormats(REPORT_FORMATS.filter((f) => v.includes(f)))}
      >
        <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="xs">
          {REPORT_FORMATS.map((f) => (
            <Checkbox
              key={f}
              value={f}
              label={FORMAT_LABELS[f].label}
              description={FORMAT_LABELS[f].description}
              data-testid={`format-${f}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group gap="sm">
        <Button
          onClick={() => void exportPack()}
          loading={running}
          disabled={!canExport || formats.length === 0}
          data-testid="export-pack"
        >
          Export pack
        </Button>
        <Text size="xs" c="dimmed">
          {host === 'electron'
            ? 'You choose the folder; it opens when the pack is done.'
            : 'Files are kept by Focal and offered for download below.'}
        </Text>
      </Group>
      {cancelled ? (
        <Text size="sm" c="dimmed">
          No folder chosen; nothing was written.
        </Text>
      ) : null}
      {job && (running || job.state === 'running') ? (
        <Stack gap={4} data-testid="export-progress">
          <Progress value={percent} size="lg" striped animated aria-label="Files written" />
          <Text size="sm" c="dimmed" className="amount">
            {job.done} of {job.total} files · {job.phase}
            {job.file ? ` · ${job.file}` : ''}
          </Text>
        </Stack>
      ) : null}
      {job?.state === 'done' ? (
        <Stack gap="xs" data-testid="export-done">
          <Progress value={100} size="lg" color="teal" aria-label="Files written" />
          <Text size="sm" fw={600} c="teal.9" className="amount" data-testid="export-count">
            Done: {job.done} of {job.total} steps · {job.files.length} files written, each with its
            SHA-256 in the manifest.
          </Text>
          <ExportFiles
            job={job}
            urlOf={(name) => urlOf(job.jobId, name)}
            zipUrl={zipUrlOf(job.jobId)}
            onOpenFolder={canOpenFolder ? () => void openFolder(job.jobId) : undefined}
          />
          {openFolderTask.status === 'failed' && openFolderTask.error ? (
            <ErrorAlert error={openFolderTask.error} title="The folder did not open" />
          ) : null}
        </Stack>
      ) : null}
      {task.status === 'failed' && task.error ? (
        <ErrorAlert error={task.error} title="The pack was not written" />
      ) : null}
    </Stack>
  )
}
