/**
 * Allocate: edit the rules that send cost to cost centers, see at once where
 * the period's cost goes (before → after, Unallocated always shown, coverage,
 * reconciliation), and save the rules as a version with a note.
 */
import { Button, EmptyState, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { RuleSetSchema } from '../../../../shared/allocate/rule-set'
import { ErrorAlert } from '../../components/error-alert'
import { AllocateIcon } from '../../components/icons'
import { NeedWorkspace } from '../../components/need-workspace'
import { useFreshAllocation } from '../../state/use-fresh-allocation'
import { useAppStore } from '../../state/store-context'
import { AllocateActions, AllocateToolbar } from './allocate-toolbar'
import { PreviewPanel, Problems } from './preview-panel'
import { RulesEditor } from './rules-editor'
import { SaveVersion } from './save-version'
import { VersionHistory } from './version-history'

/** Waits this long after the last edit before previewing, so typing does not run a preview per key. */
const PREVIEW_DELAY_MS = 400

function useAllocateData(): void {
  const workspace = useAppStore((s) => s.workspace)
  const draft = useAppStore((s) => s.draft)
  const period = useAppStore((s) => s.allocPeriod)
  const metric = useAppStore((s) => s.allocMetric)
  const dimension = useAppStore((s) => s.allocDimension)
  const runPreview = useAppStore((s) => s.runAllocPreview)
  useFreshAllocation()
  useEffect(() => {
    if (!workspace || !draft || !period) return
    const timer = setTimeout(() => void runPreview(), PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [workspace, draft, period, metric, dimension, runPreview])
}

function NoRules() {
  const loadExample = useAppStore((s) => s.loadExampleRules)
  const startDraft = useAppStore((s) => s.startDraft)
  // An empty rule set with one dimension: everything starts in Unallocated.
  const empty = (): void =>
    startDraft(
      RuleSetSchema.parse({ dimensions: [{ id: 'cost_center', label: 'Cost center' }] }),
      'New rules',
    )
  return (
    <EmptyState
      my="xl"
      icon={<AllocateIcon size={28} />}
      variant="light"
      title="No allocation rules yet"
      description="Start from the example written for the sample data, import a rule file, or begin with an empty rule set."
    >
      <EmptyState.Actions>
        <Button onClick={() => void loadExample()}>Load example rules</Button>
        <Button variant="default" onClick={empty}>
          Start empty
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}

/** The allocate screen. */
export function AllocateScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const task = useAppStore((s) => s.allocLoadTask)
  const periods = useAppStore((s) => s.allocPeriods)
  const draft = useAppStore((s) => s.draft)
  const fileError = useAppStore((s) => s.rulesFileError)
  useAllocateData()
  if (!workspace) return <NeedWorkspace what="allocate costs" />
  const loaded = task.status === 'done' || task.status === 'failed'
  return (
    <Stack gap="lg" maw={1440}>
      <Group justify="space-between" align="flex-end" gap="md">
        <div style={{ flex: 1, minWidth: 320 }}>
          <Title order={2}>Allocate</Title>
          <Text c="dimmed">
            Ordered rules send each cost row to a cost center; shared pools are split by a stated
            method. What no rule matches stays in Unallocated, always shown.
          </Text>
        </div>
        {loaded && periods.length > 0 ? <AllocateActions /> : null}
      </Group>
      {task.error ? <ErrorAlert error={task.error} /> : null}
      {!loaded ? (
        <Loader m="xl" />
      ) : periods.length === 0 ? (
        <Text c="dimmed">This workspace has no cost rows yet: import a billing file first.</Text>
      ) : (
        <>
          <Paper>
            <AllocateToolbar />
          </Paper>
          {fileError ? (
            <Problems
              error={fileError.error}
              title={`${fileError.source} was not loaded; the rules below are unchanged`}
              testId="rules-file-error"
            />
          ) : null}
          {!draft ? (
            <Paper>
              <NoRules />
            </Paper>
          ) : (
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, xl: 6 }}>
                <Paper>
                  <RulesEditor />
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 6 }}>
                <Stack gap="lg">
                  <Paper>
                    <PreviewPanel />
                  </Paper>
                  <Paper>
                    <SaveVersion />
                  </Paper>
                  <Paper>
                    <VersionHistory />
                  </Paper>
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </>
      )}
    </Stack>
  )
}
