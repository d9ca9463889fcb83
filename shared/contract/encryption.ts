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

/**
 * The desktop app's keychain opt-in (host channels main answers itself, bridge.ts): a sealed
 * file's passphrase kept only as an OS-keychain blob (electron/main/keychain.ts), never shown
 * to the page. The web host has none.
 */
export const KEYCHAIN_REQUESTS = {
  /** Whether the keychain can be used here, and which of `names` have a passphrase in it. */
  status: z.object({ names: z.array(WorkspaceName).max(10_000) }).strict(),
  /**
   * Opens `<name>.focal.enc` sealed with `passphrase`, or with the remembered one when it is
   * left out; `remember` keeps a typed passphrase that opened it in the keychain.
   */
  openSealed: z
    .object({ name: WorkspaceName, passphrase: Passphrase.optional(), remember: z.boolean() })
    .strict(),
  /** Forgets the passphrase remembered for `<name>.focal.enc`. */
  forget: z.object({ name: WorkspaceName }).strict(),
} as const

/** Why a host without Focal's main process (the web host) never remembers a passphrase. */
export const KEYCHAIN_WEB_REASON =
  'Only the desktop app can use the keychain; in the browser the passphrase is never remembered.'

/** The keychain's state for the listed sealed files. */
export const KeychainStatusSchema = z
  .object({
    available: z.boolean(),
    /** Why the keychain is not offered (the sentence to show), or null. */
    reason: z.string().nullable(),
    remembered: z.array(WorkspaceName).max(10_000),
  })
  .strict()
/** The answer of the keychain status. */
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>
/** A request to open a sealed file through the keychain. */
export type KeychainOpenRequest = z.infer<typeof KEYCHAIN_REQUESTS.openSealed>

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
