/**
 * Reports: the month's chargeback or showback pack. Choose what it is about,
 * check the summary (every cost center, Unallocated, the reconciliation line),
 * then export it with progress, and download the files (or find them in the
 * folder the desktop app opened).
 */
import { Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { NeedWorkspace } from '../../components/need-workspace'
import { useFreshAllocation } from '../../state/use-fresh-allocation'
import { useAppStore } from '../../state/store-context'
import { ExplainDrawer } from '../audit/explain-drawer'
import { RowsDrawer } from '../explore/rows-drawer'
import { ExportPanel } from './export-panel'
import { MonthClosePanel } from './month-close-panel'
import { ReportControls } from './report-controls'
import { ReportSummary } from './report-summary'

/** Waits this long after the last change before previewing. */
const PREVIEW_DELAY_MS = 250

function useReportData(): void {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const periods = useAppStore((s) => s.allocPeriods)
  const latest = useAppStore((s) => s.saved?.latest ?? null)
  const report = useAppStore((s) => s.report)
  const setReport = useAppStore((s) => s.setReport)
  const preview = useAppStore((s) => s.previewReport)
  useFreshAllocation()
  // Defaults once the periods are known: the latest month, by the saved rules when there are some.
  useEffect(() => {
    if (periods.length === 0 || periods.some((p) => p.period === report.period)) return
    setReport({
      period: periods.at(-1)?.period ?? '',
      ...(latest ? {} : { source: { by: 'SubAccountName' } }),
    })
  }, [periods, report.period, latest, setReport])
  useEffect(() => {
    if (!workspace || !report.period) return
    const timer = setTimeout(() => void preview(), PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [workspace, report, latest?.version, dataVersion, preview])
}

/** The reports screen. */
export function ReportsScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const preview = useAppStore((s) => s.reportPreview)
  const previewFor = useAppStore((s) => s.reportPreviewFor)
  const report = useAppStore((s) => s.report)
  const task = useAppStore((s) => s.reportPreviewTask)
  const fileUrl = useAppStore((s) => s.reportFileUrl)
  const openExplain = useAppStore((s) => s.openExplain)
  useReportData()
  if (!workspace) return <NeedWorkspace what="produce reports" />
  const current = preview !== null && previewFor === report
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Reports</Title>
        <Text c="dimmed">
          The month's pack: one PDF per cost center plus XLSX and CSV, with totals that reconcile to
          the invoice and a clear Unallocated line.
        </Text>
      </div>
      <Paper>
        <ReportControls />
      </Paper>
      {/* The month's state and its packs, before its figures: a closed month says so first. */}
      <Paper>
        <MonthClosePanel />
      </Paper>
      <Paper>
        {task.status === 'failed' && task.error ? (
          <ErrorAlert error={task.error} title="The pack cannot be built" />
        ) : preview ? (
          <div style={{ opacity: current ? 1 : 0.5 }}>
            <ReportSummary
              preview={preview}
              onExplain={
                current
                  ? (target, currency) =>
                      void openExplain({
                        period: report.period,
                        target,
                        currency,
                        kind: report.kind,
                        preview: { metric: report.metric, source: report.source },
                      })
                  : undefined
              }
            />
          </div>
        ) : (
          <Loader m="md" />
        )}
      </Paper>
      <Paper>
        <ExportPanel urlOf={fileUrl} canExport={current && task.status !== 'failed'} />
      </Paper>
      <ExplainDrawer />
      <RowsDrawer />
    </Stack>
  )
}
