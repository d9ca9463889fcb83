/**
 * The report model (DESIGN.md, Allocate and report): everything a chargeback or
 * showback pack shows, as plain serializable values. Money is an exact decimal
 * string with its currency; amounts in different currencies are never added.
 * PDF, XLSX and CSV writers only lay this model out.
 */
import type { ReportingCurrency } from '../fx/reporting'

/** Chargeback (what each cost center is charged, for journals) or showback (informational). */
export type ReportKind = 'chargeback' | 'showback'

/** The cost metric a report is built on (FOCUS column names); billed and amortized are never mixed. */
export type ReportMetric = 'BilledCost' | 'EffectiveCost'

/** How reports name each metric. */
export const REPORT_METRIC_LABEL: Readonly<Record<ReportMetric, string>> = {
  BilledCost: 'Billed cost (invoice)',
  EffectiveCost: 'Amortized effective cost',
}

/** The target that collects cost nothing assigned; always shown (same text as the allocate contract). */
export const UNALLOCATED_TARGET = 'Unallocated'

/** One point of a trend: a month (YYYY-MM) or a day (YYYY-MM-DD) and its exact amount. */
export interface TrendPoint {
  readonly label: string
  readonly amount: string
}

/** A trend in one currency. */
export interface TrendSeries {
  readonly currency: string
  readonly points: readonly TrendPoint[]
}

/** Last months of the same targets, or the days of the period when it is the only month with data. */
export interface Trend {
  readonly grain: 'month' | 'day'
  readonly series: readonly TrendSeries[]
}

/** One row of a breakdown (by service or resource); `other` folds everything past the top N. */
export interface BreakdownRow {
  readonly label: string
  /** A second line for people (e.g. the resource id under its name). */
  readonly detail: string | null
  readonly currency: string
  readonly amount: string
  readonly lines: number
  readonly other: boolean
}

/** A target's share of one shared-cost pool. */
export interface PoolShare {
  readonly pool: string
  readonly poolName: string
  readonly method: string
  /** How the share was computed, in a sentence, from the allocation engine. */
  readonly description: string
  readonly currency: string
  readonly amount: string
  /** The whole pool in this currency, so the share can be checked. */
  readonly poolTotal: string
}

/** A target's figures in one currency. */
export interface TargetAmount {
  readonly currency: string
  /** Exact sum of its lines. */
  readonly exact: string
  /** Rounded to the currency's minor unit so that all targets add up to the rounded period total. */
  readonly charged: string
  /** charged − round(exact): the penny that keeps the pack equal to the invoice at cents (usually 0). */
  readonly roundingAdjustment: string
  /** Exact amount of the previous period, or null when that period has no data. */
  readonly previous: string | null
  /** Budget for the period (showback), or null when none was given. */
  readonly budget: string | null
  readonly lines: number
}

/** Everything one target's report shows. */
export interface TargetReport {
  readonly target: string
  readonly unallocated: boolean
  readonly amounts: readonly TargetAmount[]
  readonly trend: Trend
  readonly services: readonly BreakdownRow[]
  readonly resources: readonly BreakdownRow[]
  readonly pools: readonly PoolShare[]
}

/** Per-currency totals of the pack. */
export interface CurrencyTotal {
  readonly currency: string
  readonly exact: string
  readonly charged: string
  readonly previous: string | null
  readonly budget: string | null
  readonly lines: number
}

/**
 * The auditor's check, per currency: the targets plus Unallocated add up to
 * the period's total of the metric read straight from the cost rows.
 */
export interface ReconciliationLine {
  readonly currency: string
  readonly targets: string
  readonly unallocated: string
  /** targets + unallocated. */
  readonly sum: string
  /** The period's total of the metric in the workspace (for billed cost: the invoice total). */
  readonly periodTotal: string
  readonly difference: string
  readonly ok: boolean
}

/** A source import the figures came from. */
export interface ReportImport {
  readonly id: number
  readonly fileName: string
  readonly sha256: string
  /** Source rows of the file in the period (what an auditor finds in the file). */
  readonly rows: number
  /** Lines of the pack made from those rows: a row split among three cost centers makes three. */
  readonly lines: number
}

/** A shared-cost pool as the allocation engine describes it. */
export interface PoolFact {
  readonly id: string
  readonly name: string
  readonly method: string
  readonly description: string
}

/** What is left over after splitting a pool (e.g. a rounding residue) and where it went. */
export interface ResidueFact {
  readonly pool: string | null
  readonly currency: string
  readonly amount: string
  readonly note: string
  /** The cost centers the residue was placed on (a cost center's PDF lists only its own). */
  readonly targets: readonly string[]
}

/** What the allocation engine tells a report beyond the lines; null in no-rules mode. */
export interface AllocationFacts {
  readonly ruleSetName: string | null
  readonly ruleVersion: string
  readonly pools: readonly PoolFact[]
  readonly residues: readonly ResidueFact[]
}

/** A whole pack's model. */
export interface ReportModel {
  readonly kind: ReportKind
  /** YYYY-MM. */
  readonly period: string
  readonly previousPeriod: string
  readonly metric: ReportMetric
  /** What the targets are: "SubAccountName", "tag:business_unit", or the rule set's name. */
  readonly groupedBy: string
  /** "Rule set … version …" or "No rules: grouped by …". */
  readonly ruleSet: string
  readonly company: string | null
  readonly workspace: string
  /** ISO timestamp, UTC. */
  readonly generatedAt: string
  readonly topN: number
  readonly currencies: readonly string[]
  readonly totals: readonly CurrencyTotal[]
  readonly targets: readonly TargetReport[]
  readonly trend: Trend
  readonly reconciliation: readonly ReconciliationLine[]
  readonly imports: readonly ReportImport[]
  readonly allocation: AllocationFacts | null
  /** Lines in the period (rows of the Detail export). */
  readonly detailLines: number
  /** The figures in a reporting currency, beside the original amounts; absent when none was asked for. */
  readonly reporting?: ReportingCurrency
  /** "Masked: …" when made in presentation mode (electron/core/presentation); stated on every page and file. */
  readonly masked?: string
}
