/**
 * The Commitments tab of the Savings screen (issue 13, "Commitments and rates"): a billing
 * period, its commitment figures per currency with their definitions, a row per commitment
 * discount, and the contract commitments ending soon. Every amount opens its rows.
 */
import { Alert, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { PERIOD_BASIS } from '../../../../shared/commitments/commitment-definitions'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { CommitmentExpiries } from './commitment-expiries'
import { CommitmentTable } from './commitment-table'
import { CommitmentTotalsCard } from './commitment-totals'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The Commitments tab. */
export function CommitmentsPanel() {
  const state = useAppStore((s) => s.commitmentRates)
  const load = useAppStore((s) => s.loadCommitmentRates)
  const setPeriod = useAppStore((s) => s.setCommitmentPeriod)
  const setAsOf = useAppStore((s) => s.setCommitmentAsOf)
  const [asOfText, setAsOfText] = useState(state.asOf ?? '')
  useEffect(() => void load(), [load])
  const { rates, task } = state
  const busy = task.status === 'idle' || task.status === 'running'
  const applyAsOf = (): void => {
    const text = asOfText.trim()
    if (text === '' || DAY.test(text)) void setAsOf(text === '' ? null : text)
  }
  return (
    <Stack gap="md" data-testid="commitments" aria-busy={busy}>
      <Group align="flex-end" gap="md">
        <Select
          label="Billing period"
          // The period asked stays pickable even when another workspace lacks it.
          data={periodChoices(rates?.periods ?? [], rates?.period ?? null)}
          value={rates?.period ?? null}
          onChange={(value) => value && void setPeriod(value)}
          allowDeselect={false}
          w={180}
          data-testid="commitments-period"
        />
        <TextInput
          label="Expiries as of"
          description="YYYY-MM-DD; empty: the last charge day"
          placeholder={rates?.asOf ?? 'YYYY-MM-DD'}
          value={asOfText}
          onChange={(e) => setAsOfText(e.currentTarget.value)}
          onBlur={applyAsOf}
          onKeyDown={(e) => e.key === 'Enter' && applyAsOf()}
          error={
            asOfText.trim() !== '' && !DAY.test(asOfText.trim())
              ? 'Write a day as YYYY-MM-DD.'
              : null
          }
          w={220}
          data-testid="commitments-as-of"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {PERIOD_BASIS} Amounts are EffectiveCost unless named; ratios are exact and shown rounded
        (hover for the exact fraction). Click an amount to see its rows.
      </Text>
      {task.status === 'failed' && task.error ? (
        <ErrorAlert error={task.error} title="The commitment figures could not be read" />
      ) : null}
      {rates && rates.period === null ? (
        <Alert color="gray" data-testid="commitments-empty">
          This workspace holds no cost rows yet. Import a FOCUS export with commitment discounts
          (CommitmentDiscountId, CommitmentDiscountStatus) to see utilization and coverage.
        </Alert>
      ) : null}
      {rates && rates.period !== null ? (
        <>
          {rates.totals.length === 0 ? (
            <Text c="dimmed">No usage or commitment purchase in {rates.period}.</Text>
          ) : (
            rates.totals.map((t) => (
              <CommitmentTotalsCard key={t.currency ?? ''} totals={t} period={rates.period ?? ''} />
            ))
          )}
          <CommitmentTable commitments={rates.commitments} period={rates.period} />
        </>
      ) : null}
      {rates ? <CommitmentExpiries rates={rates} /> : null}
    </Stack>
  )
}

/** The periods to pick from: the data's, and the one asked if the data lacks it. */
function periodChoices(periods: readonly string[], asked: string | null): string[] {
  return asked === null || periods.includes(asked) ? [...periods] : [asked, ...periods]
}
