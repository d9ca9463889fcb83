/**
 * The contract between allocation and reporting: "allocated lines", one per
 * (cost row or share of a cost row) × target, for one billing period. Reports
 * are built only from allocated lines, so a report by a plain column or tag
 * (no rules) and a report by an allocation dimension share all their code.
 *
 * A producer creates a TEMP table with exactly these columns on the
 * workspace's writer connection and returns its name; the consumer drops it.
 *
 *   target          VARCHAR   the cost center / team / value of the --by dimension;
 *                             'Unallocated' (UNALLOCATED) when nothing matched — never dropped
 *   pool            VARCHAR   shared-cost pool id, NULL for direct cost; 'policy:taxes', 'policy:credits',
 *                             'policy:refunds', 'policy:adjustments', 'policy:commitments' for the pools the
 *                             rule set's stated policies create
 *   method          VARCHAR   how a pool share was computed ('even', 'proportional', 'fixed', 'driver'), NULL for direct
 *   rule            VARCHAR   id of the rule that assigned the row, NULL for pools / no-rules mode; 'policy:<name>'
 *                             for rows a policy put on a separate line (target '(Taxes)', '(Credits)', …)
 *   x_ImportId      INTEGER   provenance of the source row
 *   x_SourceRow     BIGINT
 *   ChargePeriodStart TIMESTAMPTZ
 *   ChargeCategory  VARCHAR
 *   ServiceName     VARCHAR
 *   ResourceId      VARCHAR
 *   ResourceName    VARCHAR
 *   SubAccountName  VARCHAR
 *   BillingCurrency VARCHAR
 *   amount          DECIMAL(38,18)   the chosen metric (BilledCost or EffectiveCost) for this line;
 *                                    for every currency, sum(amount) over all lines of the period equals
 *                                    the period's total of that metric in the focus view, exactly
 */

import { LINE_SOURCE_COLUMNS } from '../../../shared/allocate/rules-sql'

/** The target that collects cost no rule matched; always shown, never hidden. */
export const UNALLOCATED = 'Unallocated'

/** The cost metric a report is built on; billed and amortized cost are never mixed. */
export type CostMetric = 'BilledCost' | 'EffectiveCost'

/** Human names of the metrics, as reports state them. */
export const METRIC_LABEL: Readonly<Record<CostMetric, string>> = {
  BilledCost: 'Billed cost (invoice)',
  EffectiveCost: 'Amortized effective cost',
}

/** Column list of an allocated-lines table, in order. */
export const ALLOCATED_LINE_COLUMNS = [
  'target',
  'pool',
  'method',
  'rule',
  ...LINE_SOURCE_COLUMNS,
  'amount',
] as const

/** A billing period as YYYY-MM; rows belong to it by BillingPeriodStart (or ChargePeriodStart when absent). */
export type Period = string

/** The SQL condition selecting the rows of one period in the focus view; the period is bound as `$param`. */
export function periodCondition(param: string): string {
  return `strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') = ${param}`
}
