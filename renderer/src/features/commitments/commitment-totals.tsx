/** The period's commitment figures per currency, each with its FinOps Foundation definition beside it. */
import { Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import {
  COMMITMENT_DEFINITIONS,
  formatRatio,
  type CommitmentFigure,
} from '../../../../shared/commitments/commitment-definitions'
import type { CommitmentTotals } from '../../../../shared/contract'
import { FigureButton, Money } from './figure-button'

/** One figure: its label, its value, and what it means. */
function Figure({ figure, children }: { figure: CommitmentFigure; children: ReactNode }) {
  const { label, definition } = COMMITMENT_DEFINITIONS[figure]
  return (
    <Stack gap={2} data-testid={`commitment-total-${figure}`}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {children}
      </Text>
      <Text size="xs" c="dimmed">
        {definition}
      </Text>
    </Stack>
  )
}

/** A ratio as a percentage, the exact fraction on hover. */
export function Ratio({ value }: { value: string | null }) {
  return <span title={value ?? 'not defined for this data'}>{formatRatio(value)}</span>
}

/** The totals of one currency. */
export function CommitmentTotalsCard({
  totals: t,
  period,
}: {
  totals: CommitmentTotals
  period: string
}) {
  const currency = t.currency ?? '(no currency)'
  const rows = (figure: 'committed' | 'used' | 'unused' | 'purchases', what: string) => ({
    figure,
    period,
    currency: t.currency,
    commitmentId: null,
    title: `${what} · all commitments · ${currency} · ${period}`,
  })
  return (
    <Paper withBorder p="md" data-testid="commitment-totals" data-currency={currency}>
      <Title order={4} mb="sm">
        {currency}, billing period {period}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="lg">
        <Figure figure="committed">
          <FigureButton
            rows={rows('committed', 'Committed')}
            value={t.committed}
            testId="total-committed"
          />
        </Figure>
        <Figure figure="used">
          <FigureButton rows={rows('used', 'Used')} value={t.used} testId="total-used" />
        </Figure>
        <Figure figure="unused">
          <FigureButton rows={rows('unused', 'Unused')} value={t.unused} testId="total-unused" />
        </Figure>
        <Figure figure="utilization">
          <Ratio value={t.utilization} />
          <Progress value={percent(t.utilization)} size="sm" mt={4} aria-label="Utilization" />
        </Figure>
        <Figure figure="coverage">
          <Ratio value={t.coverage} />{' '}
          <Text span size="sm">
            by ListCost
          </Text>
          {' · '}
          <Ratio value={t.coverageEffective} />{' '}
          <Text span size="sm">
            by EffectiveCost
          </Text>
        </Figure>
        <Figure figure="savings">
          {t.savings === null ? '—' : <Money value={t.savings} currency={t.currency} />}
        </Figure>
        <Figure figure="commitmentSavings">
          {t.commitmentSavings === null ? (
            '—'
          ) : (
            <Money value={t.commitmentSavings} currency={t.currency} />
          )}
        </Figure>
        <Figure figure="effectiveSavingsRate">
          <Ratio value={t.effectiveSavingsRate} />
        </Figure>
        <Figure figure="purchasesBilled">
          <FigureButton
            rows={rows('purchases', 'Purchases billed')}
            value={t.purchasesBilled}
            testId="total-purchases"
          />
        </Figure>
      </SimpleGrid>
    </Paper>
  )
}

/** A ratio as a bar length, 0–100 (the bar is for the eye; the figure beside it is exact). */
export function percent(ratio: string | null): number {
  if (ratio === null) return 0
  return Math.min(100, Math.max(0, Number(ratio) * 100))
}
