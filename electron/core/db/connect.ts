/**
 * Opens DuckDB the way every Focal process must: UTC, no network, no
 * extension downloads, a memory limit that spills to the workspace's own temp
 * folder (memory-limit.ts), configuration locked (DESIGN.md, Settled details).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { sep } from 'node:path'
import { fail } from '../../../shared/contract'
import { quoteLiteral } from '../../../shared/sql/identifiers'
import { duckdbMemoryLimit } from './memory-limit'

/** Instance options that keep DuckDB offline: nothing is installed or loaded at run time. */
const OFFLINE_OPTIONS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
}

/**
 * Run on the first connection before the lock. TimeZone is global (every later
 * connection inherits UTC); the progress bar is per connection, so only the
 * writer connection reports import progress.
 */
const FIRST_CONNECTION = [
  "SET GLOBAL TimeZone = 'UTC'",
  // Checkpoint at every commit (import, rule save, setting), so the .focal file alone is always
  // whole: a copy taken while the workspace is open has the data, and the workspace list shows
  // its true size and date. DuckDB skips the checkpoint while a reader is mid-query; the next
  // commit or the close folds the .wal in then.
  "SET GLOBAL checkpoint_threshold = '0b'",
  'SET enable_progress_bar = true',
  'SET enable_progress_bar_print = false',
  // Workspace SQL reaches no file but the database itself (and the gate folder, set just before).
  'SET enable_external_access = false',
  // Final: no later statement can turn autoload or external access back on.
  'SET lock_configuration = true',
]

/**
 * Reader connections opened before the lock with DuckDB's progress tracking on: the
 * setting is per connection and refused once the configuration is locked, so a reader
 * opened later never reports progress. Explore's two queries of one run use them.
 */
const WATCHED_READERS = 2

/** An open DuckDB database and the connection Focal writes through. */
export interface OpenDatabase {
  readonly instance: DuckDBInstance
  readonly connection: DuckDBConnection
  /** Readers whose query progress DuckDB reports (WATCHED_READERS of them). */
  readonly watched: DuckDBConnection[]
}

/**
 * Opens (or creates) a database file. `readOnly` opens it with DuckDB's
 * access_mode=READ_ONLY, which refuses every write at the engine level.
 * A file held by another process is reported as WORKSPACE_LOCKED.
 */
export async function openDatabase(
  path: string,
  options: {
    readOnly?: boolean
    noExternalAccess?: boolean
    label?: string
    /** The one folder DuckDB may read and write files in (file-gate.ts); none when absent. */
    allowedDirectory?: string
  } = {},
): Promise<OpenDatabase> {
  const config: Record<string, string> = { ...OFFLINE_OPTIONS }
  if (options.readOnly) config.access_mode = 'READ_ONLY'
  // DuckDB holds at most the limit and spills the rest to the database's own temp folder
  // (<file>.tmp, named here rather than trusting DuckDB's default, so a sealed workspace's
  // spill stays beside it in its RAM folder: sealed-session.ts). Given at creation and before
  // external access goes off: DuckDB refuses to change the folder once it is off.
  config.memory_limit = duckdbMemoryLimit()
  if (path !== ':memory:') config.temp_directory = `${path}.tmp`
  // A user's SQL (focal query) must not read or write other files either.
  if (options.noExternalAccess) config.enable_external_access = 'false'
  let instance: DuckDBInstance
  try {
    instance = await DuckDBInstance.create(path, config)
  } catch (cause) {
    throw describeOpenError(cause, options.label ?? path)
  }
  const connection = await instance.connect()
  // Only settable before external access is switched off, and locked with it.
  if (options.allowedDirectory && !options.noExternalAccess)
    await connection.run(
      `SET allowed_directories = [${quoteLiteral(options.allowedDirectory.replace(/[\\/]?$/, sep))}]`,
    )
  const lock = FIRST_CONNECTION.length - 1
  for (const statement of FIRST_CONNECTION.slice(0, lock)) await connection.run(statement)
  const watched: DuckDBConnection[] = []
  for (let i = 0; i < WATCHED_READERS; i += 1) {
    const reader = await instance.connect()
    // Tracked, never printed: printing would write the bar to the host's stdout.
    await reader.run('SET enable_progress_bar_print = false')
    await reader.run('SET enable_progress_bar = true')
    watched.push(reader)
  }
  await connection.run(FIRST_CONNECTION[lock]!)
  return { instance, connection, watched }
}

function describeOpenError(cause: unknown, label: string): never {
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1]
    fail(
      'WORKSPACE_LOCKED',
      `Workspace ${label} is open in another Focal window or command${pid ? ` (process ${pid})` : ''}.`,
      {
        hint: 'Close it there (DuckDB lets one process write a workspace at a time), then try again.',
      },
    )
  }
  if (/not a valid DuckDB database|invalid|Unable to open/i.test(message)) {
    fail('WORKSPACE_INVALID', `${label} is not a Focal workspace: ${firstLine(message)}`)
  }
  fail('IO_ERROR', `Could not open ${label}: ${firstLine(message)}`)
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
