/** What happened to each file of the last import: stored and reconciled, a duplicate, or why it failed. */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { AzureCostView, ImportRecord, OverlapChoice } from '../../../../shared/contract'
import { describeCostView } from '../../../../shared/formats/azure-cost-view-text'
import { CommitmentSummary } from '../../components/commitment-summary'
import { adviceFor, describeLocation } from '../../components/error-alert'
import type { FileOutcome } from '../../state/import-slice'
import { useAppStore } from '../../state/store-context'
import { MapColumnsButton } from '../mapping/map-columns-button'
import { AssumedValuesNote, MissingValuesPrompt, missingColumnsOf } from './missing-values-prompt'

/** The choices offered for a file that overlaps earlier imports (README: What an import guarantees). */
const OVERLAP_CHOICES: ReadonlyArray<{ choice: OverlapChoice; label: string }> = [
  { choice: 'supersede', label: 'Replace the earlier rows' },
  { choice: 'keep-both', label: 'Keep both' },
  { choice: 'skip', label: 'Skip this file' },
]

/** Asks what to do with a file refused for overlapping earlier imports; never decided silently. */
function OverlapPrompt({ index }: { index: number }) {
  const resolveOverlap = useAppStore((s) => s.resolveOverlap)
  const running = useAppStore((s) => s.importTask.status === 'running')
  return (
    <Group gap="xs" mt={4} data-testid="overlap-choices">
      {OVERLAP_CHOICES.map(({ choice, label }) => (
        <Button
          key={choice}
          size="xs"
          variant={choice === 'supersede' ? 'filled' : 'default'}
          disabled={running}
          onClick={() => void resolveOverlap(index, choice)}
        >
          {label}
        </Button>
      ))}
    </Group>
  )
}

/** The answers offered for an Azure file whose rows do not tell which cost export it is. */
const COST_VIEW_CHOICES: ReadonlyArray<{ view: AzureCostView; label: string }> = [
  { view: 'actual', label: 'It is the actual cost export' },
  { view: 'amortized', label: 'It is the amortized cost export' },
]

/** Asks which Azure cost export a file is, when its rows do not tell (AZURE_COST_VIEW). */
function CostViewPrompt({ index }: { index: number }) {
  const resolveCostView = useAppStore((s) => s.resolveCostView)
  const running = useAppStore((s) => s.importTask.status === 'running')
  return (
    <Group gap="xs" mt={4} data-testid="cost-view-choices">
      {COST_VIEW_CHOICES.map(({ view, label }) => (
        <Button
          key={view}
          size="xs"
          variant="default"
          disabled={running}
          onClick={() => void resolveCostView(index, view)}
        >
          {label}
        </Button>
      ))}
    </Group>
  )
}

/** Offers to import an AWS CUR delivery with the parts that are there (INCOMPLETE_DELIVERY). */
function IncompletePrompt({ index }: { index: number }) {
  const resolveIncomplete = useAppStore((s) => s.resolveIncomplete)
  const running = useAppStore((s) => s.importTask.status === 'running')
  return (
    <Group gap="xs" mt={4} data-testid="incomplete-choice">
      <Button
        size="xs"
        variant="default"
        disabled={running}
        onClick={() => void resolveIncomplete(index)}
      >
        Import the parts that are here (marked incomplete)
      </Button>
    </Group>
  )
}

/** An AWS CUR delivery's part: its place in the delivery, and the parts missing if imported incomplete. */
function DeliveryPart({ record }: { record: ImportRecord }) {
  const d = record.delivery
  if (!d) return null
  return (
    <Text size="sm" c={d.incomplete ? 'orange.8' : undefined} data-testid="outcome-delivery">
      Part {d.part} of {d.parts} of AWS CUR delivery {d.assemblyId} ({d.manifest})
      {d.incomplete ? `; incomplete: imported without ${d.missing.join(', ')}` : ''}
    </Text>
  )
}

/** What a superseding import changed, per currency; or what it was kept beside. */
function Supersession({ record }: { record: ImportRecord }) {
  if (record.supersedes.length === 0 && record.keptBeside.length === 0) return null
  const ids = (list: readonly number[]): string => list.map((id) => `#${id}`).join(', ')
  return (
    <Stack gap={0} data-testid="outcome-supersession">
      {record.supersedes.length > 0 ? (
        <Text size="sm">Replaced the rows of import {ids(record.supersedes)} it restates:</Text>
      ) : null}
      {record.delta.map((d) => (
        <Text size="sm" c="dimmed" className="amount" key={d.currency}>
          {d.currency}: {d.rowsAdded} rows added, {d.rowsRemoved} removed, {d.rowsChanged} changed;
          BilledCost {signed(d.billedDifference)}, EffectiveCost {signed(d.effectiveDifference)}
        </Text>
      ))}
      {record.keptBeside.length > 0 ? (
        <Text size="sm">Counted beside import {ids(record.keptBeside)}, as you chose.</Text>
      ) : null}
    </Stack>
  )
}

function signed(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`
}

function Outcome({ outcome, index }: { outcome: FileOutcome; index: number }) {
  const { record, error } = outcome
  // A duplicate is not a failure: the file is already there, and nothing needed doing.
  const status =
    error?.code === 'DUPLICATE_FILE'
      ? 'duplicate'
      : record?.status === 'skipped'
        ? 'skipped'
        : error?.code === 'CANCELLED'
          ? 'cancelled'
          : error
            ? 'failed'
            : (record?.status ?? 'imported')
  const color = {
    imported: 'green',
    duplicate: 'gray',
    skipped: 'gray',
    cancelled: 'orange',
    failed: 'red',
    running: 'blue',
    interrupted: 'orange',
  }[status]
  const where = error ? describeLocation(error.location) : null
  return (
    <Paper p="md" data-testid="import-outcome" data-status={status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} truncate data-testid="outcome-file">
            {outcome.fileName}
          </Text>
          {error ? (
            <>
              <Text
                size="sm"
                c={status === 'failed' ? 'red.8' : 'gray.8'}
                data-testid="outcome-error"
              >
                {error.message}
              </Text>
              <Text size="sm" c="dimmed">
                {adviceFor(error)}
              </Text>
              {where ? (
                <Text size="xs" c="dimmed">
                  Where: {where}
                </Text>
              ) : null}
              {error.details?.mappable === true && status === 'failed' && outcome.token ? (
                <MapColumnsButton index={index} />
              ) : null}
              {error.code === 'OVERLAP' && status === 'failed' && outcome.token ? (
                <OverlapPrompt index={index} />
              ) : null}
              {error.code === 'AZURE_COST_VIEW' && status === 'failed' && outcome.token ? (
                <CostViewPrompt index={index} />
              ) : null}
              {error.code === 'INCOMPLETE_DELIVERY' && status === 'failed' && outcome.token ? (
                <IncompletePrompt index={index} />
              ) : null}
              {error.code === 'MISSING_COLUMNS' &&
              status === 'failed' &&
              outcome.token &&
              missingColumnsOf(error.details).length > 0 ? (
                <MissingValuesPrompt index={index} missing={missingColumnsOf(error.details)} />
              ) : null}
            </>
          ) : record ? (
            <>
              <Text size="sm" c="dimmed" className="amount">
                {record.rowCount.toLocaleString('en-US')} rows · {record.format}
                {record.focusVersion ? ` · FOCUS ${record.focusVersion}` : ''}
                {record.durationMs != null ? ` · ${(record.durationMs / 1000).toFixed(1)} s` : ''}
              </Text>
              <DeliveryPart record={record} />
              <AssumedValuesNote record={record} />
              <Supersession record={record} />
              {record.commitments ? (
                <CommitmentSummary
                  count={record.rowCount}
                  totals={record.commitments.totals.map((t) => ({
                    currency: t.currency,
                    cost: t.costStored,
                  }))}
                  testId="outcome-commitments"
                />
              ) : null}
              {record.costView ? (
                <Text size="sm" data-testid="outcome-cost-view">
                  {describeCostView(record.costView)}
                </Text>
              ) : null}
            </>
          ) : null}
        </Stack>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {record?.reconciled && !error ? (
            <Badge color="green" variant="light">
              reconciled
            </Badge>
          ) : null}
          <Badge color={color} variant={status === 'imported' ? 'filled' : 'light'}>
            {status}
          </Badge>
        </Group>
      </Group>
    </Paper>
  )
}

/** The per-file results of the last import, if any. */
export function ImportResults() {
  const outcomes = useAppStore((s) => s.importOutcomes)
  const skipped = useAppStore((s) => s.importSkipped)
  if (outcomes.length === 0) return null
  return (
    <Stack gap="xs" data-testid="import-results">
      <Title order={4}>Last import</Title>
      {outcomes.map((outcome, index) => (
        <Outcome key={`${outcome.fileName}-${index}`} outcome={outcome} index={index} />
      ))}
      {skipped.map((entry) => (
        <Text key={entry.fileName} size="sm" c="dimmed" data-testid="import-skipped">
          {entry.fileName}: skipped, {entry.reason}
        </Text>
      ))}
    </Stack>
  )
}
