/** Explore: build a pivot, see it as a chart and a table; it reruns as the pivot changes. */
import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { NeedWorkspace } from '../../components/need-workspace'
import { resultTable } from '../../state/result-cache'
import { useAppStore } from '../../state/store-context'
import { PivotBuilder } from './pivot-builder'
import { PivotChart } from './pivot-chart'
import { PivotTable } from './pivot-table'
import { PivotMatrix, wantsMatrix } from './pivot-matrix'
import { RowsDrawer } from './rows-drawer'
import { SavedViews } from './saved-views'
import { FilterChips } from './filter-chips'
import { pivotView } from './pivot-view'

/** Waits this long after the last change before running, so typing a date does not fire a query per key. */
const RUN_DELAY_MS = 250

function useAutoRun(): void {
  const workspace = useAppStore((s) => s.workspace)
  const spec = useAppStore((s) => s.spec)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const catalogVersion = useAppStore((s) => s.catalogVersion)
  const catalogRunning = useAppStore((s) => s.catalogTask.status === 'running')
  const loadCatalog = useAppStore((s) => s.loadCatalog)
  const runPivot = useAppStore((s) => s.runPivot)
  useEffect(() => {
    if (workspace && catalogVersion !== dataVersion && !catalogRunning) void loadCatalog()
  }, [workspace, catalogVersion, dataVersion, catalogRunning, loadCatalog])
  // The chart kind is part of the spec but not of the query: choosing one runs nothing.
  const query = useMemo(() => JSON.stringify({ ...spec, chart: undefined }), [spec])
  useEffect(() => {
    if (!workspace) return
    const timer = setTimeout(() => void runPivot(), RUN_DELAY_MS)
    return () => clearTimeout(timer)
  }, [workspace, query, dataVersion, runPivot])
}

function Result() {
  const spec = useAppStore((s) => s.pivotResultSpec)
  const task = useAppStore((s) => s.pivotTask)
  const meta = useAppStore((s) => s.pivotMeta)
  const resultId = useAppStore((s) => s.pivotResultId)
  const table = resultTable(resultId)
  const view = useMemo(() => (table && meta ? pivotView(table, meta) : null), [table, meta])

  if (task.status === 'failed' && task.error)
    return <ErrorAlert error={task.error} title="The pivot could not run" />
  if (!view || !meta || !spec) return <Loader m="xl" />
  if (view.rowCount === 0) {
    return (
      <Text c="dimmed">No rows match. Widen the date range or import data for this period.</Text>
    )
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" c="dimmed" className="amount" data-testid="pivot-summary">
            {meta.rowCount.toLocaleString('en-US')} result rows in {Math.round(meta.elapsedMs)} ms
          </Text>
          {task.status === 'running' ? <Loader size="xs" /> : null}
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
      <PivotChart view={view} spec={spec} />
      {/* Several measures or a column axis: the pivot table; else the summary's own table. */}
      {wantsMatrix(spec) ? <PivotMatrix /> : <PivotTable view={view} spec={spec} />}
    </Stack>
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
      <Paper data-testid="pivot-result">
        <Result />
      </Paper>
      <RowsDrawer />
    </Stack>
  )
}
