/**
 * Encrypting a workspace to carry it (issue 11, electron/core/crypto): the open workspace
 * encrypted into `<name>.focal.enc` in the workspaces folder, the encrypted files listed, and
 * one decrypted under a new name and opened, or opened sealed (decrypted into RAM only for the
 * session, core/crypto/sealed-session.ts). Names travel, never paths; passphrases only in
 * requests, never in an answer or an error.
 */
import { z } from '../zod'
import { WorkspaceInfoSchema, WorkspaceName } from './models'

/** A passphrase as a person types it: at least 8 characters. */
export const Passphrase = z.string().min(8).max(1024)

/** One encrypted workspace in the workspaces folder (`name` without `.focal.enc`). */
export const EncryptedWorkspaceSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  modifiedAt: z.string(),
})
/** An encrypted workspace file. */
export type EncryptedWorkspace = z.infer<typeof EncryptedWorkspaceSchema>

/** What encrypting wrote: the file's name (no folder) and the workspace's bytes encrypted. */
export const EncryptResultSchema = z.object({ fileName: z.string(), bytes: z.number().int() })
/** The answer of `workspace:encrypt`. */
export type EncryptResult = z.infer<typeof EncryptResultSchema>

/** The encryption channels (spread into CHANNELS). */
export const ENCRYPTION_CHANNELS = {
  'workspace:encrypt': {
    request: z.object({ passphrase: Passphrase, replace: z.boolean().optional() }).strict(),
    response: EncryptResultSchema,
  },
  'workspace:encrypted': {
    request: z.object({}).strict(),
    response: z.array(EncryptedWorkspaceSchema).max(10_000),
  },
  'workspace:decrypt': {
    request: z.object({ name: WorkspaceName, as: WorkspaceName, passphrase: Passphrase }).strict(),
    response: WorkspaceInfoSchema,
  },
  /** Opens `<name>.focal.enc` sealed: decrypted into RAM only, encrypted back when closed. */
  'workspace:openSealed': {
    request: z.object({ name: WorkspaceName, passphrase: Passphrase }).strict(),
    response: WorkspaceInfoSchema,
  },
  /** Creates a new empty sealed workspace `<name>.focal.enc` and opens it sealed. */
  'workspace:createSealed': {
    request: z.object({ name: WorkspaceName, passphrase: Passphrase }).strict(),
    response: WorkspaceInfoSchema,
  },
} as const
