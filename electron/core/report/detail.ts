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

/**
 * Yields the lines in a stable order (cost center, time, source), in chunks.
 * Each line comes as one JSON array of text built by DuckDB: reading fifteen
 * VARCHARs one by one through the driver cost more than writing the sheet, and
 * JSON.parse gives back the same strings (JSON escapes every character it must).
 */
export async function* streamDetail(ws: Workspace, table: string): AsyncGenerator<DetailLine[]> {
  const result = await ws.writer.stream(
    // Every field as VARCHAR: a list holds one type, and a column may be typed otherwise (NULL AS pool).
    `SELECT to_json([target::VARCHAR, pool::VARCHAR, method::VARCHAR, rule::VARCHAR,
       strftime(ChargePeriodStart, '%Y-%m-%d %H:%M:%S'), ChargeCategory::VARCHAR, ServiceName::VARCHAR,
       ResourceId::VARCHAR, ResourceName::VARCHAR, SubAccountName::VARCHAR,
       coalesce(BillingCurrency, '${NO_CURRENCY}')::VARCHAR, amount::VARCHAR, x_ImportId::VARCHAR,
       x_SourceRow::VARCHAR])::VARCHAR AS line
     FROM ${quoteIdent(table)}
     ORDER BY target, ChargePeriodStart, x_ImportId, x_SourceRow`,
  )
  for await (const rows of result.yieldRowsJson()) {
    yield rows.map((row) => {
      const r = JSON.parse(String(row[0])) as Array<string | null>
      return {
        target: String(r[0]),
        pool: r[1] ?? null,
        method: r[2] ?? null,
        rule: r[3] ?? null,
        chargePeriodStart: r[4] ?? null,
        chargeCategory: r[5] ?? null,
        serviceName: r[6] ?? null,
        resourceId: r[7] ?? null,
        resourceName: r[8] ?? null,
        subAccountName: r[9] ?? null,
        currency: String(r[10]),
        amount: String(r[11]),
        importId: r[12] == null ? null : Number(r[12]),
        sourceRow: r[13] == null ? null : Number(r[13]),
      }
    })
  }
}
