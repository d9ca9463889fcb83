/** The rows behind an anomaly's figures: its series' rows of one day, or of one resource that day (rows:page). */
import type { Anomaly } from '../../../../shared/contract'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { parseDimension } from '../../../../shared/pivot'
import { ROWS_PAGE_SIZE } from '../explore/rows-request'

/** The request of the rows a figure of `anomaly` on `day` sums; `resourceId` narrows to one driver. */
export function anomalyRowsRequest(
  anomaly: Anomaly,
  day: string,
  resourceId?: string | null,
): RowsPageRequest {
  const { key } = anomaly
  return {
    dateRange: null,
    filters: [
      { dimension: parseDimension(key.by[0]), op: 'in', values: [key.values[0]] },
      { dimension: parseDimension(key.by[1]), op: 'in', values: [key.values[1]] },
      { dimension: { kind: 'column', name: 'BillingCurrency' }, op: 'in', values: [key.currency] },
      ...(resourceId === undefined
        ? []
        : [
            {
              dimension: { kind: 'column', name: 'ResourceId' } as const,
              op: 'in' as const,
              values: [resourceId],
            },
          ]),
    ],
    period: { grain: 'day', value: day },
    sort: null,
    offset: 0,
    limit: ROWS_PAGE_SIZE,
  }
}

/** How an anomaly's series reads: its two values, "(none)" for a missing one. */
export function seriesLabel(anomaly: Anomaly): string {
  return anomaly.key.values.map((v) => v ?? '(none)').join(' · ')
}
