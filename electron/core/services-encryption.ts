/**
 * Encrypting workspaces in the app (shared/contract/encryption.ts): the open workspace is
 * closed (the close checkpoints its .wal into the file), encrypted by the same core as
 * `focal encrypt` (crypto/carry-workspace.ts, which records it in the audit trail) and opened
 * again; an encrypted file is decrypted under a new name and opened. Passphrases are passed on,
 * never logged or kept.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { FocalApi, WorkspaceInfo } from '../../shared/contract'
import { fail } from '../../shared/contract'
import type { ENCRYPTION_CHANNELS } from '../../shared/contract/encryption'
import { decryptWorkspace, encryptWorkspace } from './crypto/carry-workspace'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers (services-sealed.ts answers the sealed ones). */
export type EncryptionChannel = Exclude<
  keyof typeof ENCRYPTION_CHANNELS,
  'workspace:openSealed' | 'workspace:createSealed'
>

/** The encrypted file's suffix, after the workspace's name. */
export const ENCRYPTED_SUFFIX = '.focal.enc'

/** What the handlers need of the services. */
export interface EncryptionContext {
  /** The open workspace and whether it is the scratch sample, or null. */
  current: () => { ws: Workspace; scratch: boolean; sealed?: unknown } | null
  /** Closes the open workspace (services.ts `workspace:close`). */
  close: () => Promise<unknown>
  /** Opens the workspace at `path` as the current one (services.ts switchTo, then announced). */
  openPath: (path: string) => Promise<WorkspaceInfo>
  workspacesDir: string
}

/** Creates the handlers. */
export function createEncryptionServices(
  context: EncryptionContext,
): Pick<FocalApi, EncryptionChannel> {
  return {
    'workspace:encrypt': async ({ passphrase, replace }) => {
      const open = context.current() ?? fail('NO_WORKSPACE', 'No workspace is open.')
      if (open.scratch)
        fail('BAD_REQUEST', 'The sample data is a scratch workspace and cannot be encrypted.', {
          hint: 'Use Save as to keep it as a workspace, then encrypt that.',
        })
      if (open.sealed)
        fail(
          'BAD_REQUEST',
          `${open.ws.name} is sealed: its .focal.enc file is already encrypted.`,
          {
            hint: 'Carry the .focal.enc file itself; it opens with the same passphrase.',
          },
        )
      if (open.ws.readOnly)
        fail('WORKSPACE_LOCKED', `${open.ws.name} is open read-only in this window.`, {
          hint: 'Close it in the other Focal window that holds it, open it here, then encrypt.',
        })
      const fileName = `${open.ws.name}${ENCRYPTED_SUFFIX}`
      const out = join(context.workspacesDir, fileName)
      if (!replace && existsSync(out))
        fail('BAD_REQUEST', `${fileName} already exists; nothing was written.`, {
          hint: 'Tick "Replace the existing file" to write over it.',
        })
      const path = open.ws.path
      await context.close()
      try {
        const result = await encryptWorkspace(path, out, passphrase, { force: replace })
        return { fileName: result.file, bytes: result.bytes }
      } finally {
        // The workspace stays open for the person, whether or not the file was written.
        await context.openPath(path)
      }
    },
    'workspace:encrypted': async () =>
      readdirSync(context.workspacesDir)
        .filter((f) => f.endsWith(ENCRYPTED_SUFFIX))
        .flatMap((f) => {
          const stat = statSync(join(context.workspacesDir, f))
          if (!stat.isFile()) return []
          return [
            {
              name: f.slice(0, -ENCRYPTED_SUFFIX.length),
              sizeBytes: stat.size,
              modifiedAt: stat.mtime.toISOString(),
            },
          ]
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    'workspace:decrypt': async ({ name, as, passphrase }) => {
      const file = join(context.workspacesDir, `${name}${ENCRYPTED_SUFFIX}`)
      if (!existsSync(file))
        fail('NOT_FOUND', `${name}${ENCRYPTED_SUFFIX} is not in the workspaces folder.`, {
          hint: 'Put the encrypted file in the workspaces folder, then choose it again.',
        })
      const out = join(context.workspacesDir, `${as}.focal`)
      if (existsSync(out))
        fail('BAD_REQUEST', `A workspace named ${as} already exists; nothing was written.`, {
          hint: 'Choose another name for the decrypted workspace.',
        })
      const result = await decryptWorkspace(file, out, passphrase)
      return context.openPath(join(context.workspacesDir, result.file))
    },
  }
}
