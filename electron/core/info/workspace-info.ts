/**
 * What a workspace holds, for `focal info` (issue 11): format, periods, providers,
 * accounts, currencies with exact totals, rows, imports by status, rule versions, saved
 * views, closed months, size on disk and dates. Read-only: nothing is created or changed.
 */
import { statSync } from 'node:fs'
import { normalizeDecimal } from '../../../shared/money'
import { embeddedSources } from '../sources/embedded-source'
import type { Row, Workspace } from '../workspace/workspace'
import {
  INFO_ACCOUNTS_SQL,
  INFO_CLOSES_SQL,
  INFO_CURRENCIES_SQL,
  INFO_FOCUS_VERSIONS_SQL,
  INFO_IMPORTS_SQL,
  INFO_LAST_CHANGE_SQL,
  INFO_META_SQL,
  INFO_PERIODS_SQL,
  INFO_PROVIDERS_SQL,
  INFO_ROWS_SQL,
  INFO_RULES_SQL,
  INFO_TABLES_SQL,
  INFO_VIEWS_SQL,
} from './info-sql'

/** A value and how many rows carry it (null: rows without one). */
export interface CountedValue {
  readonly value: string | null
  readonly rows: number
}

/** The facts `focal info` states. */
export interface WorkspaceInfo {
  readonly workspace: string
  readonly format: number
  readonly createdAt: string | null
  /** The audit log's latest entry, else the file's modification time. */
  readonly lastModified: string
  /** The workspace file and its write-ahead log, in bytes. */
  readonly sizeBytes: number
  /** Rows every total counts (the focus view) and rows stored (superseded ones too). */
  readonly rows: { readonly counted: number; readonly stored: number }
  readonly periods: readonly CountedValue[]
  readonly providers: readonly CountedValue[]
  readonly accounts: { readonly billingAccounts: number; readonly subAccounts: number }
  readonly currencies: ReadonlyArray<{
    readonly currency: string | null
    readonly rows: number
    readonly BilledCost: string
    readonly EffectiveCost: string
  }>
  readonly imports: { readonly total: number; readonly byStatus: Readonly<Record<string, number>> }
  readonly focusVersions: readonly string[]
  readonly ruleVersions: { readonly count: number; readonly latest: number | null }
  readonly savedViews: number
  /** Each month ever closed, with its state now; null when the workspace has no close table. */
  readonly closes: ReadonlyArray<{ readonly period: string; readonly state: string }> | null
  /** Whether new imports store their source file in the workspace, compressed (core/sources); off by default. */
  readonly sourcesEmbedded: boolean
  /** Imports whose source file is inside the workspace, and the compressed bytes they take. */
  readonly embeddedSources: { readonly files: number; readonly bytes: number }
}

/** Reads the facts of an open workspace. */
export async function workspaceInfo(ws: Workspace): Promise<WorkspaceInfo> {
  const tables = new Set((await ws.all(INFO_TABLES_SQL)).map((r) => String(r.table_name)))
  const meta = Object.fromEntries((await ws.all(INFO_META_SQL)).map((r) => [r.key, r.value]))
  const [rows] = await ws.all(INFO_ROWS_SQL)
  const [accounts] = await ws.all(INFO_ACCOUNTS_SQL)
  const imports = await ws.all(INFO_IMPORTS_SQL)
  const [rules] = tables.has('allocation_rule_versions') ? await ws.all(INFO_RULES_SQL) : []
  const [views] = tables.has('saved_views') ? await ws.all(INFO_VIEWS_SQL) : []
  const [change] = await ws.all(INFO_LAST_CHANGE_SQL)
  const byStatus = Object.fromEntries(imports.map((r) => [String(r.status), Number(r.n)]))
  const size = fileSize(ws.path) + fileSize(`${ws.path}.wal`)
  return {
    workspace: ws.name,
    format: Number(meta.focal_format),
    createdAt: meta.created_at == null ? null : String(meta.created_at),
    lastModified: change?.at == null ? statSync(ws.path).mtime.toISOString() : String(change.at),
    sizeBytes: size,
    rows: { counted: Number(rows?.counted ?? 0), stored: Number(rows?.stored ?? 0) },
    periods: counted(await ws.all(INFO_PERIODS_SQL), 'period'),
    providers: counted(await ws.all(INFO_PROVIDERS_SQL), 'provider'),
    accounts: {
      billingAccounts: Number(accounts?.accounts ?? 0),
      subAccounts: Number(accounts?.sub_accounts ?? 0),
    },
    currencies: (await ws.all(INFO_CURRENCIES_SQL)).map((r) => ({
      currency: r.currency == null ? null : String(r.currency),
      rows: Number(r.rows),
      BilledCost: normalizeDecimal(String(r.billed ?? '0')),
      EffectiveCost: normalizeDecimal(String(r.effective ?? '0')),
    })),
    imports: { total: Object.values(byStatus).reduce((n, c) => n + c, 0), byStatus },
    focusVersions: (await ws.all(INFO_FOCUS_VERSIONS_SQL)).map((r) => String(r.v)),
    ruleVersions: {
      count: Number(rules?.n ?? 0),
      latest: rules?.latest == null ? null : Number(rules.latest),
    },
    savedViews: Number(views?.n ?? 0),
    closes: tables.has('period_closes')
      ? (await ws.all(INFO_CLOSES_SQL)).map((r) => ({
          period: String(r.period),
          state: r.state === 'close' ? 'closed' : 'reopened',
        }))
      : null,
    sourcesEmbedded: meta.embed_sources === 'true',
    embeddedSources: tables.has('source_files')
      ? await embeddedSources(ws)
      : { files: 0, bytes: 0 },
  }
}

function counted(rows: readonly Row[], key: string): CountedValue[] {
  return rows.map((r) => ({
    value: r[key] == null ? null : String(r[key]),
    rows: Number(r.rows),
  }))
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
