/**
 * Sealed workspaces in the app (issue 11, "At rest"; shared/contract/encryption.ts): a
 * `.focal.enc` of the workspaces folder opened as a SealedSession (crypto/sealed-session.ts),
 * its plaintext only in a RAM folder, and used like any workspace. services.ts holds the session
 * beside the open workspace and ends it — encrypting the workspace back and removing the RAM
 * folder — whenever that workspace closes: Close, a switch to another workspace, or the host
 * stopping (the web host on SIGINT/SIGTERM, the app's engine on quit).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FocalApi, WorkspaceInfo } from '../../shared/contract'
import { fail } from '../../shared/contract'
import { SealedSession } from './crypto/sealed-session'
import { ENCRYPTED_SUFFIX } from './services-encryption'
import { logError } from './log/focal-log'

/** The channels this module answers. */
export type SealedChannel = 'workspace:openSealed' | 'workspace:createSealed'

/** What the handlers need of the services. */
export interface SealedContext {
  /** The sealed session of the open workspace, or null (none open, or not sealed). */
  session: () => SealedSession | null
  /** The open workspace's summary. */
  info: () => Promise<WorkspaceInfo>
  /** Opens the session's workspace as the current one; services.ts then owns the session. */
  openSession: (session: SealedSession) => Promise<WorkspaceInfo>
  workspacesDir: string
}

/** Creates the handlers. */
export function createSealedServices(context: SealedContext): Pick<FocalApi, SealedChannel> {
  const fileOf = (name: string): string =>
    resolve(join(context.workspacesDir, `${name}${ENCRYPTED_SUFFIX}`))
  return {
    'workspace:openSealed': async ({ name, passphrase }) => {
      const file = fileOf(name)
      // Already open here (a second tab): its own lock would call it open elsewhere.
      if (context.session()?.sealedPath === file) return context.info()
      if (!existsSync(file))
        fail('NOT_FOUND', `${name}${ENCRYPTED_SUFFIX} is not in the workspaces folder.`, {
          hint: 'Put the sealed file in the workspaces folder, then choose it again.',
        })
      return context.openSession(await SealedSession.open(file, passphrase))
    },
    'workspace:createSealed': async ({ name, passphrase }) => {
      const file = fileOf(name)
      if (existsSync(file))
        fail('BAD_REQUEST', `${name}${ENCRYPTED_SUFFIX} already exists; nothing was written.`, {
          hint: 'Open it sealed instead, or choose another name.',
        })
      return context.openSession(await SealedSession.open(file, passphrase, { create: true }))
    },
  }
}

/** The temp variables os.tmpdir() reads (TMPDIR on POSIX, TEMP/TMP on Windows). */
const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const

/**
 * Points this process's temp folder at the session's RAM folder while the session is open, so a
 * ZIP's extracted files, a validation's scratch copy, an evidence bundle or an embedded source
 * written out for "Show in source" stay in RAM too (as `focal sealed` gives its command
 * TMPDIR). Returns the function that puts the previous values back.
 */
export function tempInto(folder: string): () => void {
  const previous = TEMP_VARIABLES.map((name) => [name, process.env[name]] as const)
  for (const name of TEMP_VARIABLES) process.env[name] = folder
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/**
 * Ends a session whose workspace has just been closed: encrypts it back and removes the RAM
 * folder. When encrypting fails (a full disk) the RAM folder is kept, so the session's changes
 * are not lost while the process runs; the error is logged and passed on.
 */
export async function endSession(session: SealedSession | undefined): Promise<void> {
  if (!session) return
  try {
    await session.close()
  } catch (cause) {
    logError(cause)
    throw cause
  }
}
