/**
 * `focal sealed <file> -- <command> …`: runs any focal command on a sealed workspace (at rest,
 * core/crypto/sealed-session.ts). The workspace is decrypted into RAM, the command runs as a
 * child `focal` process on it with its temp folder (TMPDIR) in the same RAM folder — so a ZIP's
 * extracted files, a validation's scratch files and DuckDB's spill all stay in memory — and the
 * workspace is encrypted back when it ends.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fail } from '../../shared/contract'
import { SealedSession } from '../core/crypto/sealed-session'
import { refused } from './format'
import { MIN_PASSPHRASE_LENGTH, PASSPHRASE_VARIABLE, readPassphrase } from './passphrase-prompt'
import { usageError } from './usage'

/** Help text of `focal sealed`. */
export const SEALED_HELP = `focal sealed <workspace.focal.enc> [--create] -- <command> [its arguments]
      Run a focal command on a sealed workspace, one never on disk in plaintext: it
      is decrypted into a private RAM folder (/dev/shm, or FOCAL_RAM_DIR), the command
      runs there with -w set to it (and its temp files there too), and it is encrypted
      back and the folder removed when the command ends. --create makes a new sealed
      workspace. The passphrase as for focal encrypt.
      e.g. focal sealed client.focal.enc --create -- import costs.csv`

/** Runs `focal sealed`; `argv` is everything after `sealed`. Exit: the command's, 1 refused, 2 usage. */
export async function runSealedCommand(argv: string[]): Promise<number> {
  const end = argv.indexOf('--')
  const own = end < 0 ? argv : argv.slice(0, end)
  const [command, ...rest] = end < 0 ? [] : argv.slice(end + 1)
  const create = own.includes('--create')
  const files = own.filter((a) => a !== '--create')
  const usage = (message: string): number => usageError(message, SEALED_HELP)
  if (files.length !== 1 || files[0]?.startsWith('-'))
    return usage('focal sealed needs one sealed workspace file, then -- and a command.')
  if (!command) return usage('focal sealed needs -- and the command to run, e.g. -- info.')
  if (rest.includes('-w') || rest.some((a) => a.startsWith('--workspace')))
    return usage('focal sealed gives the command its workspace; leave -w out.')
  const sealedPath = resolve(files[0] ?? '')
  const json = rest.includes('--json')
  // Ctrl-C (or a SIGTERM) stops the command, not the session: the workspace is still encrypted
  // back and its RAM folder removed, instead of the plaintext staying in memory.
  let interrupted = false
  const onSignal = (): void => {
    interrupted = true
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    let session: SealedSession
    try {
      const creating = create && !existsSync(sealedPath)
      const passphrase = await readPassphrase(creating)
      if (creating && [...passphrase].length < MIN_PASSPHRASE_LENGTH)
        fail(
          'BAD_REQUEST',
          `The passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters; nothing was written.`,
        )
      session = await SealedSession.open(sealedPath, passphrase, { create })
    } catch (cause) {
      return refused(cause, json)
    }
    let code = INTERRUPTED
    try {
      if (!interrupted)
        code = await runChild(session, [command, '-w', session.workspacePath, ...rest])
    } catch (cause) {
      session.discard()
      throw cause
    }
    try {
      await session.close()
    } catch (cause) {
      return refused(cause, json)
    }
    return interrupted ? INTERRUPTED : code
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130

/** Runs `focal <args>` as a child whose temp folder is the session's RAM folder; its exit code. */
function runChild(session: SealedSession, args: string[]): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: session.folder,
    TMP: session.folder,
    TEMP: session.folder,
  }
  // The child needs no passphrase: it opens the decrypted workspace.
  delete env[PASSPHRASE_VARIABLE]
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [process.argv[1] ?? '', ...args], {
      env,
      stdio: 'inherit',
    })
    child.on('error', failed)
    child.on('close', (code) => done(code ?? 1))
  })
}
