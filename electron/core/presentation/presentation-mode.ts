/**
 * Presentation mode (issue 11, Privacy): a setting of the open session, not of the file.
 * While it is on, every reader connection the workspace hands out reads the masking view of
 * presentation-sql.ts, so pivots, the rows drawer, exports and reports show aliases. The
 * writer is never masked: imports, allocation runs and rollups keep storing the real values.
 * Switching records an audit entry and, being a writer turn, changes the data version, so no
 * cached pivot answer of the other mode is served.
 */
import { randomBytes } from 'node:crypto'
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import {
  CATALOG_SQL,
  DROP_MASK_SQL,
  INSERT_SALT_SQL,
  MASKED_COLUMNS,
  MASKED_TAG_COLUMNS,
  maskViewSql,
  SALT_SQL,
} from './presentation-sql'
import { loadTagCanonicals } from './tag-canonicals'

/** The mode of one open workspace. */
export interface PresentationMode {
  readonly on: boolean
  /** Tag keys whose values are masked; null masks every tag value. */
  readonly tagKeys: readonly string[] | null
}

const OFF: PresentationMode = { on: false, tagKeys: null }

interface Active extends PresentationMode {
  readonly salt: string
}

const modes = new WeakMap<Workspace, Active>()

/** The mode of `ws` (off unless switched on in this session). */
export function presentationOf(ws: Workspace): PresentationMode {
  const mode = modes.get(ws)
  return mode ? { on: mode.on, tagKeys: mode.tagKeys } : OFF
}

/** True while `ws` shows aliases. */
export function isMasked(ws: Workspace): boolean {
  return modes.get(ws)?.on === true
}

/**
 * The salt and tag keys of the mode while it is on, else null: for masking values stored
 * outside the cost rows (mask-values.ts) with the view's own rule.
 */
export function activeMask(
  ws: Workspace,
): { salt: string; tagKeys: readonly string[] | null } | null {
  const mode = modes.get(ws)
  return mode?.on ? { salt: mode.salt, tagKeys: mode.tagKeys } : null
}

/** The sentence every screen and export carries while the mode is on; null when off. */
export function maskedNotice(ws: Workspace): string | null {
  const mode = modes.get(ws)
  if (!mode?.on) return null
  const tags =
    mode.tagKeys === null ? 'all tag values' : `values of tags ${mode.tagKeys.join(', ')}`
  return `Masked: account ids and names, resource and commitment ids and names and ${tags} are shown as stable aliases (presentation mode).`
}

/** The columns presentation mode replaces (for the notice of an export). */
export const MASKED_COLUMN_NAMES: readonly string[] = [
  ...MASKED_COLUMNS.map((m) => m.column),
  ...MASKED_TAG_COLUMNS,
]

/**
 * Switches the mode. Switching on makes the workspace's salt when it has none (a write, so a
 * read-only workspace must have been presented once before). Audited either way.
 */
export async function setPresentation(
  ws: Workspace,
  next: PresentationMode,
): Promise<PresentationMode> {
  await ws.exclusive(async () => {
    const salt = next.on ? await ensureSalt(ws) : ''
    if (!ws.readOnly)
      await ws.transaction(() =>
        ws.audit(next.on ? 'presentation.on' : 'presentation.off', ws.name, {
          tagKeys: next.on ? next.tagKeys : null,
        }),
      )
    if (next.on) await loadTagCanonicals(ws)
    if (next.on) modes.set(ws, { on: true, tagKeys: next.tagKeys, salt })
    else modes.delete(ws)
    ws.prepareReader = next.on ? (connection) => prepare(ws, connection) : dropMask
  })
  return presentationOf(ws)
}

async function ensureSalt(ws: Workspace): Promise<string> {
  const [row] = await ws.all(SALT_SQL)
  if (row?.value) return String(row.value)
  if (ws.readOnly)
    fail('BAD_REQUEST', `Workspace ${ws.name} has never been presented and is open read-only.`, {
      hint: "Switch presentation mode on once where it can be written (the app's Present switch, or focal report … --mask); its aliases are kept from then on.",
    })
  const salt = randomBytes(16).toString('hex')
  await ws.transaction(async () => {
    await ws.run(INSERT_SALT_SQL, [salt])
    await ws.audit('presentation.salt', ws.name, {})
  })
  return salt
}

// Runs on every reader handed out: a pooled reader may carry the view of an earlier mode.
async function prepare(ws: Workspace, connection: DuckDBConnection): Promise<void> {
  const mode = modes.get(ws)
  if (!mode?.on) return dropMask(connection)
  const [catalog] = await ws.all(CATALOG_SQL, [], connection)
  const described = await ws.all(
    "SELECT column_name FROM duckdb_columns() WHERE table_name = 'cost_rows' AND database_name <> 'temp'",
    [],
    connection,
  )
  const columns = new Set(described.map((r) => String(r.column_name)))
  const canonicals = await loadTagCanonicals(ws, connection)
  await connection.run(
    maskViewSql(String(catalog?.name), mode.salt, columns, mode.tagKeys, canonicals),
  )
}

/**
 * A reader of the stored (real) values whatever the mode: for a report whose stored settings
 * name real values (a tag policy's allowed values and accounts), read real and masked on the
 * way out. The caller closes it.
 */
export async function plainReader(ws: Workspace): Promise<DuckDBConnection> {
  const connection = await ws.reader()
  await dropMask(connection)
  return connection
}

async function dropMask(connection: DuckDBConnection): Promise<void> {
  await connection.run(DROP_MASK_SQL)
}

/**
 * Runs `work` in one writer turn with the writer masked while the mode is on: a report reads
 * its facts and writes its detail files through the writer (its lines are TEMP tables there).
 * Only reads and TEMP tables belong inside; nothing the writer stores may be made from aliases.
 */
export async function withMaskedWriter<T>(ws: Workspace, work: () => Promise<T>): Promise<T> {
  if (!isMasked(ws)) return work()
  return ws.exclusive(async () => {
    await prepare(ws, ws.writer)
    maskedWriters.add(ws)
    try {
      return await work()
    } finally {
      maskedWriters.delete(ws)
      await dropMask(ws.writer)
    }
  })
}

// Workspaces whose writer is inside a withMaskedWriter turn right now.
const maskedWriters = new WeakSet<Workspace>()

/**
 * Runs `work` on the unmasked writer, inside a masked writer turn too: allocation rules name
 * real values (an account, a tag value, a resource id prefix), so they must match the stored
 * rows, not their aliases. `masked` says the turn was masked: the caller then masks what
 * `work` made on its way out (mask-allocation.ts), so finance gets the same cents either way.
 */
export async function withPlainWriter<T>(
  ws: Workspace,
  work: () => Promise<T>,
): Promise<{ value: T; masked: boolean }> {
  if (!maskedWriters.has(ws)) return { value: await work(), masked: false }
  await dropMask(ws.writer)
  try {
    return { value: await work(), masked: true }
  } finally {
    await prepare(ws, ws.writer)
  }
}
