/**
 * The Detail of a pack: every allocated line of the period with its source
 * (import, file, row), streamed from DuckDB chunk by chunk so a period of
 * millions of lines never sits in memory at once.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { NO_CURRENCY } from './line-queries'

/** Excel's hard limit of rows per sheet (header included). */
export const EXCEL_MAX_ROWS = 1_048_576

/** One detail line; amount stays an exact decimal string. */
export interface DetailLine {
  target: string
  pool: string | null
  method: string | null
  rule: string | null
  chargePeriodStart: string | null
  chargeCategory: string | null
  serviceName: string | null
  resourceId: string | null
  resourceName: string | null
  subAccountName: string | null
  currency: string
  amount: string
  importId: number | null
  sourceRow: number | null
}

/** Detail columns as people read them, in order. */
export const DETAIL_HEADERS = [
  'Cost center',
  'Pool',
  'Method',
  'Rule',
  'Charge period start (UTC)',
  'Charge category',
  'Service',
  'Resource id',
  'Resource name',
  'Sub account',
  'Currency',
  'Amount',
  'Import',
  'Source file',
  'Source row',
] as const

/** Number of lines in a lines table. */
export async function countLines(ws: Workspace, table: string): Promise<number> {
  const [row] = await ws.all(`SELECT count(*)::BIGINT AS n FROM ${quoteIdent(table)}`)
  return Number(row?.n ?? 0)
}

const str = (v: unknown): string | null => (v == null ? null : String(v))

/** Yields the lines in a stable order (cost center, time, source), in chunks. */
export async function* streamDetail(ws: Workspace, table: string): AsyncGenerator<DetailLine[]> {
  const result = await ws.writer.stream(
    `SELECT target, pool, method, rule, strftime(ChargePeriodStart, '%Y-%m-%d %H:%M:%S') AS start,
       ChargeCategory, ServiceName, ResourceId, ResourceName, SubAccountName,
       coalesce(BillingCurrency, '${NO_CURRENCY}') AS currency, amount::VARCHAR AS amount, x_ImportId, x_SourceRow
     FROM ${quoteIdent(table)}
     ORDER BY target, ChargePeriodStart, x_ImportId, x_SourceRow`,
  )
  for await (const rows of result.yieldRowsJson()) {
    yield rows.map((r) => ({
      target: String(r[0]),
      pool: str(r[1]),
      method: str(r[2]),
      rule: str(r[3]),
      chargePeriodStart: str(r[4]),
      chargeCategory: str(r[5]),
      serviceName: str(r[6]),
      resourceId: str(r[7]),
      resourceName: str(r[8]),
      subAccountName: str(r[9]),
      currency: String(r[10]),
      amount: String(r[11]),
      importId: r[12] == null ? null : Number(r[12]),
      sourceRow: r[13] == null ? null : Number(r[13]),
    }))
  }
}
