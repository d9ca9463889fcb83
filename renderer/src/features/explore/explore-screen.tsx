/** Explore: build a pivot, see it as a chart and a table; it reruns as the pivot changes. */
import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { memo, useEffect, useMemo, type ReactNode } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { NeedWorkspace } from '../../components/need-workspace'
import { typingNow, watchPivotQuery } from '../../state/auto-run'
import { querySpecKey } from '../../state/pivot-run'
import { resultTable } from '../../state/result-cache'
import { createRunScheduler } from '../../state/run-policy'
import { useAppStore, useAppStoreApi } from '../../state/store-context'
import { PivotBuilder } from './pivot-builder'
import { PivotChart } from './pivot-chart'
import { PivotTable } from './pivot-table'
import { PivotMatrix, wantsMatrix } from './pivot-matrix'
import { RowsDrawer } from './rows-drawer'
import { SavedViews } from './saved-views'
import { FilterChips } from './filter-chips'
import { pivotView } from './pivot-view'
import { RunStatus } from './run-status'
import classes from './run-status.module.css'

// They draw the shown result: a click re-renders the builder and the card's state, not the chart
// and table, until its own figures arrive.
const ShownChart = memo(PivotChart)
const ShownTable = memo(PivotTable)

function useAutoRun(): void {
  const store = useAppStoreApi()
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const catalogVersion = useAppStore((s) => s.catalogVersion)
  const catalogRunning = useAppStore((s) => s.catalogTask.status === 'running')
  const loadCatalog = useAppStore((s) => s.loadCatalog)
  const runPivot = useAppStore((s) => s.runPivot)
  // Typed text waits for a pause; a click runs at once (run-policy.ts).
  const scheduler = useMemo(() => createRunScheduler(() => void runPivot()), [runPivot])
  useEffect(() => () => scheduler.dispose(), [scheduler])
  useEffect(() => {
    if (workspace && catalogVersion !== dataVersion && !catalogRunning) void loadCatalog()
  }, [workspace, catalogVersion, dataVersion, catalogRunning, loadCatalog])
  // On opening and when the data changes, the pivot being edited runs.
  useEffect(() => {
    if (workspace) scheduler.change(typingNow(store.getState()))
  }, [workspace, dataVersion, scheduler, store])
  // A changed pivot runs as the store changes, so its request is not held up by the render.
  useEffect(() => watchPivotQuery(store, scheduler), [store, scheduler])
}

function Result() {
  const spec = useAppStore((s) => s.pivotResultSpec)
  const task = useAppStore((s) => s.pivotTask)
  const meta = useAppStore((s) => s.pivotMeta)
  const resultId = useAppStore((s) => s.pivotResultId)
  const run = useAppStore((s) => s.pivotRun)
  const table = resultTable(resultId)
  const view = useMemo(() => (table && meta ? pivotView(table, meta) : null), [table, meta])

  if (task.status === 'failed' && task.error)
    return <ErrorAlert error={task.error} title="The pivot could not run" />
  if (!view || !meta || !spec) return run.cancelled ? <RunStatus /> : <Loader m="xl" />
  if (view.rowCount === 0) {
    return (
      <Stack gap="xs">
        <RunStatus />
        <Text c="dimmed">No rows match. Widen the date range or import data for this period.</Text>
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" c="dimmed" className="amount" data-testid="pivot-summary">
            {meta.rowCount.toLocaleString('en-US')} result rows{' '}
            {run.cached
              ? `· from the cache (first run ${Math.round(meta.elapsedMs)} ms)`
              : `in ${Math.round(meta.elapsedMs)} ms`}
          </Text>
          <RunStatus />
          {meta.truncated ? (
            <Badge variant="light" color="yellow">
              cut at the row limit: set a Top N or a date range
            </Badge>
          ) : null}
          {meta.currencies.length > 1 ? (
            <Badge variant="light" color="orange">
              {meta.currencies.length} currencies, shown separately
            </Badge>
          ) : null}
        </Group>
      </Group>
      <ShownChart view={view} spec={spec} />
      {/* Several measures or a column axis: the pivot table; else the summary's own table. */}
      {wantsMatrix(spec) ? <PivotMatrix /> : <ShownTable view={view} spec={spec} />}
    </Stack>
  )
}

/**
 * The result's card. It names the query its figures are of (data-spec-key) and the one
 * being edited (data-edit-key), busy while a run is in flight, stale when they differ
 * after a cancel or while typing has not paused: tests and the bench wait on these
 * rather than on time.
 */
function ResultFrame({ children }: { children: ReactNode }) {
  const busy = useAppStore((s) => s.pivotTask.status === 'running')
  const shown = useAppStore((s) => (s.pivotResultSpec ? querySpecKey(s.pivotResultSpec) : ''))
  const edited = useAppStore((s) => querySpecKey(s.spec))
  // Between a click and its run starting nothing is stale: only a cancel or typing not yet run.
  const waiting = useAppStore((s) => s.pivotRun.cancelled || s.typedSpec === s.spec)
  const stale = !busy && waiting && shown !== '' && shown !== edited
  return (
    <Paper
      data-testid="pivot-result"
      aria-busy={busy}
      data-spec-key={shown}
      data-edit-key={edited}
      data-stale={stale}
      className={stale ? classes.stale : undefined}
    >
      {children}
    </Paper>
  )
}

/** The explore screen. */
export function ExploreScreen() {
  const workspace = useAppStore((s) => s.workspace)
  useAutoRun()
  if (!workspace) return <NeedWorkspace what="explore costs" />
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Explore</Title>
        <Text c="dimmed">
          Group cost by any column or tag. Amounts in different currencies are never added together.
        </Text>
      </div>
      <Paper>
        <SavedViews />
      </Paper>
      <Paper>
        <PivotBuilder />
        <FilterChips />
      </Paper>
      <ResultFrame>
        <Result />
      </ResultFrame>
      <RowsDrawer />
    </Stack>
  )
}
