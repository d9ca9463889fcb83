/**
 * Brings a workspace written by an earlier Focal up to WORKSPACE_FORMAT when it
 * is opened for writing, one step per format in order, all in one transaction.
 * Format 2 added delivery identity (schema.ts DELIVERY_TABLES) and the focus
 * view that leaves superseded rows out; a format-1 file has no supersessions, so
 * its rows are all still counted. Format 3 added FORMAT_3_TABLES.
 */
import { basename } from 'node:path'
import { fail } from '../../../shared/contract'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { insertScopesSql } from '../ingest/delivery-identity-sql'
import { DELIVERY_TABLES, FOCAL_VIEWS, FORMAT_3_TABLES, WORKSPACE_FORMAT } from './schema'
import type { Workspace } from './workspace'

/** One upgrade step: what turns a workspace of format `to - 1` into format `to`. */
interface Migration {
  readonly to: number
  run(ws: Workspace): Promise<void>
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
    for (const step of MIGRATIONS) if (format < step.to) await step.run(ws)
    for (const [name, body] of Object.entries(FOCAL_VIEWS))
      await ws.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS ${body}`)
    await ws.run("UPDATE meta SET value = $1 WHERE key = 'focal_format'", [
      String(WORKSPACE_FORMAT),
    ])
    await ws.audit('workspace.upgrade', ws.name, { from: format, to: WORKSPACE_FORMAT })
  })
}
