/**
 * A workspace: one `<name>.focal` DuckDB file (DESIGN.md, Workspace). This
 * class owns the database instance and its writer connection; readers get
 * connections of their own so a running import never blocks a pivot.
 *
 * One owner for the writer (CONVENTIONS.md): every use of the writer — `run`,
 * `all` on the writer, `transaction`, `exclusive` — waits its turn in one
 * queue, because a DuckDB connection has one transaction at a time and a
 * statement from another job landing inside it aborts both ("Current
 * transaction is aborted"). Work already inside a turn (a `run` inside a
 * `transaction`) runs at once instead of queueing behind itself. `close`
 * waits for the queue. Nothing may assume it runs alone.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { userInfo } from 'node:os'
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import { detailsJson, nowMicros } from '../audit/audit-hash'
import { INSERT_ENTRY_SQL, LAST_ENTRY_SQL } from '../audit/audit-sql'
import { sealEntry } from '../audit/seal-entry'
import { openDatabase } from '../db/connect'
import { FileGate, type AdmittedFile, type GatedOutput } from '../db/file-gate'
import { guardCatalog } from './catalog-guard'
import { markInterrupted, trimUnusedTail } from './interrupted'
import { migrateWorkspace } from './migrate'
import { checkWorkspaceFormat, createWorkspaceTables } from './format-check'
import { isLockedFailure, openSnapshot, type SnapshotInfo } from './snapshot'

/** Temp names handed out by this process (see Workspace.tempName). */
let tempCount = 0

/** A statement that only reads (SELECT or FROM first; DuckDB has no data-changing CTE in a SELECT). */
const PLAIN_SELECT = /^\s*(SELECT|FROM)\b/i

/** A row read back as plain JSON-able values (bigints and decimals as strings). */
export type Row = Record<string, unknown>

/** An open workspace file. */
export class Workspace {
  /** Display name: the file name without `.focal`. */
  readonly name: string
  /** Views and macros Focal did not write, removed from the file when it was opened (catalog-guard.ts). */
  removedSql: readonly string[] = []
  private closed = false
  /** Set once close() is called: new writer turns are refused. */
  private closing: Promise<void> | null = null
  /** The tail of the writer's queue: resolves when every queued turn has ended. */
  private queue: Promise<void> = Promise.resolve()
  /** Turns queued or running. */
  private pending = 0
  /** True while a `transaction` is open on the writer: a nested one joins it. */
  private inTransaction = false
  /** Present (this workspace) inside a writer turn, so nested uses do not wait for themselves. */
  private readonly turn = new AsyncLocalStorage<Workspace>()
  /** See `dataVersion`. */
  private version = 0
  /** Set when this is a read-only copy of a workspace another process holds (snapshot.ts). */
  snapshot: SnapshotInfo | null = null
  /** Run once the database is closed (a snapshot removes its copy). */
  private readonly cleanups: (() => void)[] = []
  /** Run on every reader handed out (presentation mode installs its masking view there). */
  prepareReader: ((connection: DuckDBConnection) => Promise<void>) | null = null
  /** Told of every snapshot opened in this process (the CLI prints its message on stderr). */
  static onSnapshot: ((info: SnapshotInfo) => void) | null = null

  private constructor(
    readonly path: string,
    /** Replaced only by `restart`, after DuckDB invalidated the database. */
    private instance: DuckDBInstance,
    /** The one connection that writes (imports, rules); DuckDB allows one writer process. Replaced only by `restart`. */
    public writer: DuckDBConnection,
    readonly readOnly: boolean,
    /** The one folder DuckDB may touch files in; null when it may touch none (file-gate.ts). */
    private readonly gate: FileGate | null,
    /** Free readers that report query progress (db/connect.ts); see `watchedReader`. */
    private readonly watched: DuckDBConnection[] = [],
  ) {
    this.name = basename(path).replace(/\.focal$/i, '')
  }

  /**
   * Opens a workspace file; `create` makes it when missing. Refuses files that
   * are not workspaces. A writable open first marks imports a killed process
   * left running as interrupted and gives back the space they took. A file another process
   * holds is opened as a read-only snapshot (snapshot.ts) when the open is read-only or
   * `whenLocked` is 'snapshot'; otherwise that is WORKSPACE_LOCKED.
   */
  static async open(
    path: string,
    options: {
      create?: boolean
      readOnly?: boolean
      noExternalAccess?: boolean
      whenLocked?: 'fail' | 'snapshot'
    } = {},
  ): Promise<Workspace> {
    const exists = existsSync(path)
    if (!exists && !options.create) fail('NOT_FOUND', `No workspace at ${basename(path)}.`)
    let workspace: Workspace
    try {
      workspace = await Workspace.openFile(path, options, exists)
    } catch (cause) {
      const snapshotAllowed = options.readOnly || options.whenLocked === 'snapshot'
      if (!exists || !snapshotAllowed || !isLockedFailure(cause)) throw cause
      const { workspace: copy, info } = await openSnapshot(path, cause, (at) =>
        Workspace.openFile(at, { ...options, readOnly: true }, true),
      )
      copy.snapshot = info
      Workspace.onSnapshot?.(info)
      return copy
    }
    if (!exists || workspace.readOnly) return workspace
    let trimTo: number | null
    try {
      trimTo = await markInterrupted(workspace)
    } catch (cause) {
      await workspace.close()
      throw cause
    }
    if (trimTo === null) return workspace
    await workspace.close()
    trimUnusedTail(path, trimTo)
    return Workspace.openFile(path, options, true)
  }

  private static async openFile(
    path: string,
    options: { readOnly?: boolean; noExternalAccess?: boolean },
    exists: boolean,
  ): Promise<Workspace> {
    const gate = options.noExternalAccess ? null : makeGate(path)
    let db: Awaited<ReturnType<typeof openDatabase>>
    try {
      db = await openDatabase(path, {
        ...options,
        label: basename(path),
        allowedDirectory: gate?.dir,
      })
    } catch (cause) {
      gate?.close()
      throw cause
    }
    const workspace = new Workspace(
      path,
      db.instance,
      db.connection,
      options.readOnly ?? false,
      gate,
      db.watched,
    )
    try {
      if (exists) await checkWorkspaceFormat(workspace)
      else await createWorkspaceTables(workspace)
      // Upgraded first, so the guard compares the file's views with this format's.
      if (exists) await migrateWorkspace(workspace)
      if (exists) workspace.removedSql = await guardCatalog(workspace)
    } catch (cause) {
      await workspace.close()
      throw cause
    }
    return workspace
  }

  /**
   * Runs `work` with the writer to itself: queued behind every earlier turn,
   * and every later use of the writer waits until it ends. Inside a turn,
   * nested calls run at once.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.writerTurn(work, true)
  }

  /**
   * Changes whenever the data may have changed: bumped when a writer turn that may
   * write starts and when it ends, so an answer cached under one version
   * (query/cache.ts) never stands for data a write touched. Plain SELECTs on the
   * writer do not bump it.
   */
  get dataVersion(): number {
    return this.version
  }

  /** True while a writer turn that may write runs (it commits before its turn ends and `dataVersion` moves on). */
  get writing(): boolean {
    // Turns run one at a time and each bumps the version when it starts and when it ends.
    return this.version % 2 === 1
  }

  private async writerTurn<T>(work: () => Promise<T>, writes: boolean): Promise<T> {
    if (this.turn.getStore() === this) return work()
    if (this.closed)
      fail('NO_WORKSPACE', `Workspace ${this.name} is closed.`, {
        hint: 'Open it again, then retry.',
      })
    this.pending += 1
    const counted = writes
      ? async (): Promise<T> => {
          this.version += 1
          try {
            return await work()
          } finally {
            this.version += 1
          }
        }
      : work
    const result = this.queue.then(() => this.turn.run(this, counted))
    this.queue = result.then(
      () => this.endTurn(),
      () => this.endTurn(),
    )
    return result
  }

  /**
   * A fresh name for a temp table or view on the writer: a counter and random
   * bytes, never the clock, so two imports started in the same millisecond
   * cannot share (and drop) one staging table.
   */
  tempName(prefix: string): string {
    tempCount += 1
    return `${prefix}_${process.pid}_${tempCount}_${randomBytes(4).toString('hex')}`
  }

  /**
   * Lets DuckDB read the file at `path` until the returned file is released:
   * workspace SQL reaches no other file (file-gate.ts).
   */
  async admit(path: string): Promise<AdmittedFile> {
    return this.requireGate().admit(path)
  }

  /** Where DuckDB may write the file meant for `destination`; `commit` moves it there. */
  output(destination: string): GatedOutput {
    return this.requireGate().output(destination)
  }

  private requireGate(): FileGate {
    if (this.gate) return this.gate
    return fail('BAD_REQUEST', `Workspace ${this.name} is open without file access.`, {
      hint: 'Open it for writing to import or export files.',
    })
  }

  /** A new connection for reading, so long reads can be interrupted on their own. */
  async reader(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect()
    await this.prepareReader?.(connection)
    return connection
  }

  /**
   * A reader whose query progress DuckDB reports when one is free, else a new plain one;
   * `release` gives it back (an interrupted connection runs its next query normally).
   */
  async watchedReader(): Promise<{ connection: DuckDBConnection; release: () => void }> {
    const spare = this.watched.pop()
    if (!spare) {
      const connection = await this.reader()
      return { connection, release: () => connection.closeSync() }
    }
    await this.prepareReader?.(spare)
    return {
      connection: spare,
      release: () => (this.closed ? spare.closeSync() : this.watched.push(spare)),
    }
  }

  /** Runs a statement on the writer connection. */
  async run(sql: string, values?: DuckDBValue[]): Promise<void> {
    await this.exclusive(async () => {
      await this.writer.run(sql, values).catch((cause: unknown) => this.explainWrite(cause))
    })
  }

  /** A write refused because this is a snapshot says so, instead of DuckDB's read-only message. */
  private explainWrite(cause: unknown): never {
    const message = cause instanceof Error ? cause.message : String(cause)
    if (this.snapshot && /read-only mode/i.test(message))
      fail('WORKSPACE_LOCKED', `Nothing was changed: ${this.snapshot.message}`, {
        hint: 'Close it in the other Focal window or command, then open it here again.',
      })
    throw cause
  }

  /** Runs a query on `connection` (the writer by default, in its turn) and returns rows as JSON values. */
  async all(sql: string, values?: DuckDBValue[], connection = this.writer): Promise<Row[]> {
    const read = async (): Promise<Row[]> => {
      const reader = await connection.runAndReadAll(sql, values)
      return reader.getRowObjectsJson() as Row[]
    }
    if (connection !== this.writer) return read()
    return this.writerTurn(read, !PLAIN_SELECT.test(sql))
  }

  /**
   * Runs `work` inside one transaction on the writer, in one turn: all of it or none of it.
   * Called inside a transaction, `work` joins it (the parts of one AWS CUR delivery are
   * imported in one transaction, so none counts unless all do): the outer one commits or
   * rolls back all of it.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.inTransaction) return work()
      await this.writer.run('BEGIN TRANSACTION')
      this.inTransaction = true
      try {
        const result = await work()
        await this.writer.run('COMMIT')
        return result
      } catch (cause) {
        await this.writer.run('ROLLBACK').catch(() => undefined)
        throw cause
      } finally {
        this.inTransaction = false
      }
    })
  }

  /**
   * Appends to the audit log (who, what, on which subject, details as canonical JSON), as
   * the next link of its hash chain (core/audit/audit-hash.ts). Reading the last link and
   * writing the new one share one writer turn, so two jobs never link to the same entry;
   * the time is taken here and stored exactly as hashed.
   */
  async audit(action: string, subject: string | null, details: unknown): Promise<void> {
    await this.exclusive(async () => {
      const [head] = await this.all(LAST_ENTRY_SQL)
      const { values } = sealEntry(head, {
        loggedAtUs: nowMicros(),
        actor: actorName(),
        action,
        subject,
        details: detailsJson(details),
      })
      await this.run(INSERT_ENTRY_SQL, values)
    })
  }

  /**
   * Opens the file again in place after DuckDB invalidated the database: a write that
   * failed at its checkpoint (a full disk) leaves DuckDB refusing every statement until
   * restarted. The file keeps what was last committed; the failed transaction is gone.
   * Runs in a writer turn, so no other job's statement lands between close and open.
   */
  async restart(): Promise<void> {
    await this.exclusive(async () => {
      for (const reader of this.watched.splice(0)) reader.closeSync()
      this.writer.closeSync()
      this.instance.closeSync()
      const db = await openDatabase(this.path, {
        readOnly: this.readOnly,
        noExternalAccess: this.gate === null,
        label: basename(this.path),
        allowedDirectory: this.gate?.dir,
      })
      this.instance = db.instance
      this.writer = db.connection
      this.watched.push(...db.watched)
      this.inTransaction = false
    })
  }

  /** Registers `cleanup` to run once the database is closed. */
  afterClose(cleanup: () => void): void {
    this.cleanups.push(cleanup)
  }

  /**
   * Checkpoints (folding the .wal into the file) and closes once the writer's
   * queue is empty, so a job that is winding down (a cancelled import
   * recording its attempt) finishes first; later turns are refused. When
   * nothing is queued it closes before returning, so callers that do not
   * await it still close. Safe to call twice.
   */
  close(): Promise<void> {
    if (this.closing) return this.closing
    if (this.pending === 0) {
      this.closeNow()
      this.closing = Promise.resolve()
    } else {
      this.closing = this.drain().then(() => this.closeNow())
    }
    return this.closing
  }

  private async drain(): Promise<void> {
    while (this.pending > 0) await this.queue
  }

  private closeNow(): void {
    if (this.closed) return
    this.closed = true
    try {
      for (const reader of this.watched.splice(0)) reader.closeSync()
      this.writer.closeSync()
    } finally {
      this.instance.closeSync()
      this.gate?.close()
      for (const cleanup of this.cleanups.splice(0)) cleanup()
    }
  }

  private endTurn(): void {
    this.pending -= 1
  }
}

/** The gate folder beside the workspace; none (so no file access) where that folder cannot be made. */
function makeGate(path: string): FileGate | null {
  try {
    return FileGate.create(path)
  } catch {
    return null
  }
}

/** The name recorded as the author of changes: the operating-system user. */
export function actorName(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}
