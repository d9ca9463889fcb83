/**
 * Report settings kept in the workspace (so they travel with it between
 * machines): the company name printed on every PDF cover, the account the
 * cloud invoice was booked to (the journal's credit side) and the ledger
 * mapping (each cost center's expense account and code). Created on first
 * use, like the allocation tables.
 */
import {
  ReportLedgerSchema,
  type ReportLedger,
  type ReportLedgerRequest,
  type ReportSettings,
} from '../../../shared/contract'
import { parseLedgerMapCsv } from '../../../shared/report'
import type { Workspace } from '../workspace/workspace'

const DDL = 'CREATE TABLE IF NOT EXISTS report_settings (key VARCHAR PRIMARY KEY, value VARCHAR)'

const NO_LEDGER: ReportLedger = { fileName: null, rows: [] }

async function readValues(ws: Workspace): Promise<Map<string, string | null>> {
  const [exists] = await ws.all(
    "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'report_settings'",
  )
  if (!exists?.n) return new Map()
  const rows = await ws.all('SELECT key, value FROM report_settings')
  return new Map(rows.map((r) => [String(r.key), r.value == null ? null : String(r.value)]))
}

/** The workspace's report settings; defaults when none were saved. */
export async function readReportSettings(ws: Workspace): Promise<Required<ReportSettings>> {
  const values = await readValues(ws)
  return {
    companyName: values.get('company_name') ?? null,
    creditAccount: values.get('credit_account') ?? null,
  }
}

/** Saves the settings (an empty value clears it; an absent credit account is kept) and audits the change. */
export async function saveReportSettings(
  ws: Workspace,
  settings: ReportSettings,
): Promise<Required<ReportSettings>> {
  const companyName = settings.companyName?.trim() || null
  const creditAccount =
    settings.creditAccount === undefined ? undefined : settings.creditAccount?.trim() || null
  await ws.transaction(async () => {
    await ws.run(DDL)
    await ws.run("INSERT OR REPLACE INTO report_settings VALUES ('company_name', $1)", [
      companyName,
    ])
    await ws.audit('report.settings.save', 'company_name', { companyName })
    if (creditAccount !== undefined) {
      await ws.run("INSERT OR REPLACE INTO report_settings VALUES ('credit_account', $1)", [
        creditAccount,
      ])
      await ws.audit('report.settings.save', 'credit_account', { creditAccount })
    }
  })
  return readReportSettings(ws)
}

/** The kept ledger mapping, or an empty one. */
export async function readLedgerMapping(ws: Workspace): Promise<ReportLedger> {
  const text = (await readValues(ws)).get('ledger_mapping')
  if (!text) return NO_LEDGER
  // The stored mapping is checked on the way out too: a workspace file is input like any other.
  const parsed = ReportLedgerSchema.safeParse(JSON.parse(text))
  return parsed.success ? parsed.data : NO_LEDGER
}

/** Parses an uploaded ledger mapping (errors name the file and line) and keeps it, or clears it. */
export async function saveLedgerMapping(
  ws: Workspace,
  request: ReportLedgerRequest,
): Promise<ReportLedger> {
  const ledger: ReportLedger =
    'clear' in request
      ? NO_LEDGER
      : { fileName: request.fileName, rows: parseLedgerMapCsv(request.text, request.fileName) }
  await ws.transaction(async () => {
    await ws.run(DDL)
    await ws.run("INSERT OR REPLACE INTO report_settings VALUES ('ledger_mapping', $1)", [
      ledger.fileName === null ? null : JSON.stringify(ledger),
    ])
    await ws.audit('report.ledger.save', ledger.fileName ?? '', { rows: ledger.rows.length })
  })
  return ledger
}
