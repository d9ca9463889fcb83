/**
 * The raw facts a report is built from: small aggregates the engine reads
 * from an allocated-lines table (exact decimal strings), plus what the user
 * chose. `buildReportModel` turns them into a ReportModel; nothing here
 * depends on where the facts came from.
 */
import type { Budget } from './budgets'
import type { AllocationFacts, ReportImport, ReportKind, ReportMetric } from './types'

/** A target's exact amount in one currency. */
export interface TargetCurrencyFact {
  readonly target: string
  readonly currency: string
  readonly amount: string
  readonly lines: number
}

/** A target's amount in an earlier period (month) or on one day of the period. */
export interface TimedFact {
  /** YYYY-MM for months, YYYY-MM-DD for days. */
  readonly at: string
  readonly target: string
  readonly currency: string
  readonly amount: string
}

/** One breakdown row of a target, already cut to the top N with an "Other" row. */
export interface BreakdownFact {
  readonly target: string
  readonly currency: string
  readonly label: string
  readonly detail: string | null
  readonly amount: string
  readonly lines: number
  readonly other: boolean
}

/** A target's share of a pool in one currency. */
export interface PoolLineFact {
  readonly target: string
  readonly pool: string
  readonly method: string | null
  readonly currency: string
  readonly amount: string
}

/** The period's total of the metric per currency, read from the cost rows themselves. */
export interface PeriodTotalFact {
  readonly currency: string
  readonly amount: string
}

/** Everything buildReportModel needs. */
export interface ReportFacts {
  readonly kind: ReportKind
  readonly period: string
  readonly metric: ReportMetric
  readonly groupedBy: string
  readonly company: string | null
  readonly workspace: string
  readonly generatedAt: string
  readonly topN: number
  readonly current: readonly TargetCurrencyFact[]
  /** Months before the period (within the trend window) that have data. */
  readonly history: readonly TimedFact[]
  /** Days of the period; used when no earlier month has data. */
  readonly daily: readonly TimedFact[]
  readonly services: readonly BreakdownFact[]
  readonly resources: readonly BreakdownFact[]
  readonly pools: readonly PoolLineFact[]
  readonly periodTotals: readonly PeriodTotalFact[]
  readonly imports: readonly ReportImport[]
  readonly allocation: AllocationFacts | null
  readonly budgets: readonly Budget[]
}
