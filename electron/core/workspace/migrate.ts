/**
 * Brings a workspace written by an earlier Focal up to WORKSPACE_FORMAT when it
 * is opened for writing, one step per format in order, all in one transaction.
 * Format 2 added delivery identity (schema.ts DELIVERY_TABLES) and the focus
 * view that leaves superseded rows out; a format-1 file has no supersessions, so
 * its rows are all still counted. Format 3 added FORMAT_3_TABLES. Format 4
 * made the audit log a hash chain (core/audit/audit-hash.ts). Format 5 added FORMAT_5_TABLES
 * (the weekly review and the savings work). Format 6 added the monthly resource rollup
 * (shared/sql/pivot-rollup-sql.ts): a Focal of format 5 would rebuild the other rollups and
 * stamp them fresh while leaving it stale, so such a Focal must not write a format-6 file.
 * Format 7 added the monthly tag rollup, for the same reason.
 */
import { basename } from 'node:path'
import { fail } from '../../../shared/contract'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { chainExistingEntries } from '../audit/chain-existing'
import { AUDIT_CHAIN_COLUMNS } from '../audit/audit-sql'
import { insertScopesSql } from '../ingest/delivery-identity-sql'
import { ROLLUP_STATE_TABLE, ROLLUP_TABLES } from '../query/rollup-sql'
import {
  DELIVERY_TABLES,
  FOCAL_VIEWS,
  FORMAT_3_TABLES,
  FORMAT_5_TABLES,
  WORKSPACE_FORMAT,
} from './schema'
import type { Workspace } from './workspace'

/** One upgrade step: what turns a workspace of format `to - 1` into format `to`. */
interface Migration {
  readonly to: number
  run(ws: Workspace, chain: { chainedAtUpgrade: number }): Promise<void>
}

const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    async run(ws) {
      for (const statement of DELIVERY_TABLES) await ws.run(statement)
      // Imports made before delivery identity get their scopes and fingerprints now.
      await ws.run(insertScopesSql('c.x_ImportId IS NOT NULL'))
    },
  },
  {
    to: 3,
    async run(ws) {
      for (const statement of FORMAT_3_TABLES) await ws.run(statement)
    },
  },
  {
    to: 4,
    async run(ws, chain) {
      // FORMAT_3_TABLES grew after format 3 shipped (period closes, packs, FX rates, rollups…):
      // each is CREATE TABLE IF NOT EXISTS, so running the list again brings the tables a
      // format-3 workspace lacks and leaves the ones it has.
      for (const statement of FORMAT_3_TABLES) await ws.run(statement)
      for (const statement of AUDIT_CHAIN_COLUMNS) await ws.run(statement)
      chain.chainedAtUpgrade = await chainExistingEntries(ws)
    },
  },
  {
    to: 5,
    async run(ws) {
      // Tables appended to FORMAT_3_TABLES after format 4 shipped come too (IF NOT EXISTS).
      for (const statement of FORMAT_3_TABLES) await ws.run(statement)
      for (const statement of FORMAT_5_TABLES) await ws.run(statement)
    },
  },
  {
    to: 6,
    async run(ws) {
      // The rollup tables are in FORMAT_5_TABLES (IF NOT EXISTS): the new one is created, and
      // without a stamp every rollup is built at the first pivot, the new one included.
      for (const statement of ROLLUP_TABLES) await ws.run(statement)
      await ws.run(`DELETE FROM ${ROLLUP_STATE_TABLE}`)
    },
  },
  {
    to: 7,
    async run(ws) {
      // The new lazy rollup is created empty, with no stamp: the first tag pivot builds it.
      for (const statement of ROLLUP_TABLES) await ws.run(statement)
    },
  },
]

/** Upgrades an older workspace in one transaction; a read-only open of one is refused with what to do. */
export async function migrateWorkspace(ws: Workspace): Promise<void> {
  const [row] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
  const format = Number(row?.value)
  if (format >= WORKSPACE_FORMAT) return
  if (ws.readOnly) {
    fail(
      'WORKSPACE_INVALID',
      `${basename(ws.path)} was written by an earlier Focal (format ${format}).`,
      {
        hint: 'Open it once for writing (in the app, or with focal import) so Focal can upgrade it, then try again.',
      },
    )
  }
  await ws.transaction(async () => {
    const chain = { chainedAtUpgrade: 0 }
    for (const step of MIGRATIONS) if (format < step.to) await step.run(ws, chain)
    for (const [name, body] of Object.entries(FOCAL_VIEWS))
      await ws.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS ${body}`)
    await ws.run("UPDATE meta SET value = $1 WHERE key = 'focal_format'", [
      String(WORKSPACE_FORMAT),
    ])
    await ws.audit('workspace.upgrade', ws.name, {
      from: format,
      to: WORKSPACE_FORMAT,
      // An auditor must know the chain vouches for earlier entries only from this upgrade on.
      ...(chain.chainedAtUpgrade > 0
        ? {
            chainedAtUpgrade: chain.chainedAtUpgrade,
            note: `The ${chain.chainedAtUpgrade} entries before this one were logged before the hash chain existed and were chained at this upgrade: their hashes prove only that they were not changed after it.`,
          }
        : {}),
    })
  })
}
