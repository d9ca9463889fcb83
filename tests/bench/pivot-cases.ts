/**
 * The pivot set of issue 9 (Performance), as the Explore screen asks for it: pivot table specs
 * (`pivot:table`, runPivotTable) and the drill-through page of a large cell (`rows:page`,
 * rowsPage), each with a plain hand-written query over the plain-loaded table `t` that answers
 * the same question, for reference.
 */
import type { RowsPageRequest } from '../../shared/contract/rows'
import type { Dimension, Filter, PivotSpec } from '../../shared/pivot'

/** One benchmarked request: a pivot table spec or a drill-through page, and the plain SQL beside it. */
export type PivotCase =
  | { name: string; kind: 'table'; spec: PivotSpec; rawSql: string }
  | { name: string; kind: 'rows'; request: RowsPageRequest; rawSql: string }

const column = (name: string): Dimension => ({ kind: 'column', name })
const table = (rows: Dimension[], extra: Partial<PivotSpec> = {}): PivotSpec => ({
  rows,
  measure: 'BilledCost',
  measures: [{ measure: 'BilledCost' }],
  timeGrain: 'none',
  dateRange: null,
  filters: [],
  topN: null,
  ...extra,
})
const keep = (dimension: Dimension, values: string[]): Filter => ({ dimension, op: 'in', values })

// The synthetic month's largest service (synthetic.ts orders SERVICES by size) in USD.
const LARGEST_SERVICE = 'Amazon Elastic Compute Cloud'
const THREE_FILTERS: Filter[] = [
  keep(column('RegionId'), ['us-east-1', 'eu-west-1']),
  keep(column('ChargeCategory'), ['Usage']),
  keep({ kind: 'tag', key: 'env' }, ['prod']),
]

/** By service; service × month; top 50 resources; tag × service; day × account; 3 filters; drill-through. */
export const PIVOT_CASES: readonly PivotCase[] = [
  {
    name: 'byService',
    kind: 'table',
    spec: table([column('ServiceName')]),
    rawSql:
      'SELECT ServiceName, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY cost DESC',
  },
  {
    name: 'serviceByMonth',
    kind: 'table',
    spec: table([column('ServiceName')], { timeGrain: 'month', columns: { kind: 'time' } }),
    rawSql:
      "SELECT ServiceName, date_trunc('month', ChargePeriodStart) AS m, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL",
  },
  {
    name: 'top50Resources',
    kind: 'table',
    spec: table([column('ResourceId')], { topN: 50 }),
    // Focal also folds the rest into "(Other)" per currency; the plain query keeps the top 50.
    rawSql:
      'SELECT ResourceId, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY abs(cost) DESC LIMIT 50',
  },
  {
    name: 'tagTeamByService',
    kind: 'table',
    spec: table([{ kind: 'tag', key: 'team' }], { columns: column('ServiceName') }),
    rawSql:
      "SELECT json_extract_string(Tags, '$.team') AS team, ServiceName, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL",
  },
  {
    name: 'dayByAccount',
    kind: 'table',
    spec: table([column('SubAccountId')], { timeGrain: 'day', columns: { kind: 'time' } }),
    rawSql:
      "SELECT SubAccountId, date_trunc('day', ChargePeriodStart) AS d, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL",
  },
  {
    name: 'threeFilters',
    kind: 'table',
    spec: table([column('ServiceName')], { filters: THREE_FILTERS }),
    rawSql: `SELECT ServiceName, BillingCurrency, sum(BilledCost) AS cost FROM t
      WHERE RegionId IN ('us-east-1', 'eu-west-1') AND ChargeCategory = 'Usage'
        AND json_extract_string(Tags, '$.env') = 'prod'
      GROUP BY ALL ORDER BY cost DESC`,
  },
  {
    name: 'drillThroughPage1',
    kind: 'rows',
    // What the Rows drawer asks for a click on the largest service's USD figure (rows-request.ts).
    request: {
      dateRange: null,
      filters: [
        keep(column('ServiceName'), [LARGEST_SERVICE]),
        keep(column('BillingCurrency'), ['USD']),
      ],
      period: null,
      sort: null,
      offset: 0,
      limit: 50,
    },
    rawSql: `SELECT count(*) FROM t WHERE ServiceName = '${LARGEST_SERVICE}' AND BillingCurrency = 'USD';
      SELECT * FROM t WHERE ServiceName = '${LARGEST_SERVICE}' AND BillingCurrency = 'USD'
      ORDER BY ChargePeriodStart, ResourceId LIMIT 50`,
  },
]
