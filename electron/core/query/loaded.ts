/** "What's loaded" and the workspace summary, read from the normalized rows. */
import type { LoadedRow, WorkspaceInfo } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import type { Workspace } from '../workspace/workspace'

/** Rows and BilledCost / EffectiveCost per billing period × provider × billing account × currency. */
export async function loadedSummary(ws: Workspace): Promise<LoadedRow[]> {
  const connection = await ws.reader()
  try {
    const rows = await ws.all(
      `SELECT strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') AS period,
         ServiceProviderName AS provider, BillingAccountId AS account, any_value(BillingAccountName) AS account_name,
         BillingCurrency AS currency, count(*)::BIGINT AS n,
         coalesce(sum(BilledCost), 0)::VARCHAR AS billed, coalesce(sum(EffectiveCost), 0)::VARCHAR AS effective
       FROM focus GROUP BY period, provider, account, currency
       ORDER BY period NULLS LAST, provider NULLS LAST, account NULLS LAST, currency NULLS LAST`,
      [],
      connection,
    )
    return rows.map((r) => ({
      billingPeriod: r.period == null ? null : String(r.period),
      provider: r.provider == null ? null : String(r.provider),
      billingAccountId: r.account == null ? null : String(r.account),
      billingAccountName: r.account_name == null ? null : String(r.account_name),
      currency: r.currency == null ? null : String(r.currency),
      rows: Number(r.n),
      billedCost: normalizeDecimal(String(r.billed)),
      effectiveCost: normalizeDecimal(String(r.effective)),
    }))
  } finally {
    connection.closeSync()
  }
}

/** The summary shown in the header and returned when a workspace opens. */
export async function workspaceInfo(ws: Workspace, scratch: boolean): Promise<WorkspaceInfo> {
  const connection = await ws.reader()
  try {
    const [facts = {}] = await ws.all(
      `SELECT (SELECT count(*) FROM focus)::BIGINT AS n,
         (SELECT count(*) FROM imports WHERE status = 'imported')::BIGINT AS imports,
         (SELECT list(DISTINCT BillingCurrency ORDER BY BillingCurrency) FILTER (WHERE BillingCurrency IS NOT NULL) FROM focus) AS currencies,
         (SELECT strftime(min(ChargePeriodStart), '%Y-%m-%dT%H:%M:%SZ') FROM focus) AS first_charge,
         (SELECT strftime(max(ChargePeriodStart), '%Y-%m-%dT%H:%M:%SZ') FROM focus) AS last_charge`,
      [],
      connection,
    )
    return {
      name: ws.name,
      scratch,
      rowCount: Number(facts.n ?? 0),
      importCount: Number(facts.imports ?? 0),
      currencies: ((facts.currencies as string[] | null) ?? []).map(String),
      firstCharge: facts.first_charge == null ? null : String(facts.first_charge),
      lastCharge: facts.last_charge == null ? null : String(facts.last_charge),
      ...(ws.snapshot ? { readOnlySnapshot: ws.snapshot.message } : {}),
    }
  } finally {
    connection.closeSync()
  }
}
