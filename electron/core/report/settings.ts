/**
 * Report settings kept in the workspace (so they travel with it between
 * machines): today the company name printed on every PDF cover. Created on
 * first use, like the allocation tables.
 */
import type { ReportSettings } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'

const DDL = 'CREATE TABLE IF NOT EXISTS report_settings (key VARCHAR PRIMARY KEY, value VARCHAR)'

/** The workspace's report settings; defaults when none were saved. */
export async function readReportSettings(ws: Workspace): Promise<ReportSettings> {
  const [exists] = await ws.all(
    "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'report_settings'",
  )
  if (!exists?.n) return { companyName: null }
  const [row] = await ws.all("SELECT value FROM report_settings WHERE key = 'company_name'")
  return { companyName: row?.value == null ? null : String(row.value) }
}

/** Saves the settings (an empty name clears it) and records the change in the audit log. */
export async function saveReportSettings(
  ws: Workspace,
  settings: ReportSettings,
): Promise<ReportSettings> {
  const companyName = settings.companyName?.trim() || null
  await ws.transaction(async () => {
    await ws.run(DDL)
    await ws.run("INSERT OR REPLACE INTO report_settings VALUES ('company_name', $1)", [
      companyName,
    ])
    await ws.audit('report.settings.save', 'company_name', { companyName })
  })
  return { companyName }
}
