/**
 * Encrypting workspaces on the Workspace screen (shared/contract/encryption.ts): the open
 * workspace encrypted to carry it, the encrypted files in the workspaces folder, and one
 * decrypted under a new name and opened. Passphrases pass straight to the core and are never
 * kept in state. Kept under one `encryption` key (CONVENTIONS.md #9).
 */
import type { StateCreator } from 'zustand'
import type {
  EncryptedWorkspace,
  EncryptResult,
  KeychainStatus,
  WorkspaceInfo,
} from '../../../shared/contract'
import { KEYCHAIN_WEB_REASON } from '../../../shared/contract/encryption'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The encryption state. */
export interface EncryptionState {
  readonly files: readonly EncryptedWorkspace[]
  readonly encryptTask: Task
  /** The last file written, once encrypted. */
  readonly written: EncryptResult | null
  readonly decryptTask: Task
  /** Which encrypted file the decrypt task is about. */
  readonly decrypting: string | null
  /** Opening or creating a sealed workspace (decrypted into RAM only). */
  readonly sealedTask: Task
  /** Which sealed file the sealed task is about. */
  readonly sealing: string | null
  /** The desktop app's keychain for the listed files (the web host has none), once read. */
  readonly keychain: KeychainStatus | null
}

/** Encryption state and actions. */
export interface EncryptionSlice {
  readonly encryption: EncryptionState
  loadEncrypted(): Promise<void>
  /** Encrypts the open workspace; errors land in encryptTask. */
  encryptOpen(passphrase: string, replace: boolean): Promise<boolean>
  /** Decrypts `name` into a new workspace `as` and opens it; errors land in decryptTask. */
  decryptAndOpen(name: string, as: string, passphrase: string): Promise<boolean>
  /** Opens `name.focal.enc` sealed (or creates it when `create`); errors land in sealedTask. */
  openSealed(
    name: string,
    passphrase: string,
    create: boolean,
    remember?: boolean,
  ): Promise<boolean>
  /** Opens `name.focal.enc` sealed with the passphrase remembered in the keychain. */
  unlockWithKeychain(name: string): Promise<boolean>
  /** Forgets the passphrase remembered for `name.focal.enc`. */
  forgetPassphrase(name: string): Promise<void>
  loadKeychain(): Promise<void>
}

/** Creates the encryption slice over a transport. */
export function createEncryptionSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], EncryptionSlice> {
  return (set, get) => {
    const patch = (change: Partial<EncryptionState>): void =>
      set((s) => ({ encryption: { ...s.encryption, ...change } }))
    const keychainOf = (): NonNullable<FocalTransport['keychain']> => {
      if (!api.keychain) throw new Error(KEYCHAIN_WEB_REASON)
      return api.keychain
    }
    const sealedOpen = async (
      name: string,
      create: boolean,
      open: () => Promise<WorkspaceInfo>,
    ): Promise<boolean> => {
      patch({ sealedTask: RUNNING, sealing: name })
      try {
        const info = await open()
        get().workspaceChanged(info)
        patch({ sealedTask: DONE })
        // As for a plain workspace: a new one to import into, an opened one to its data.
        get().navigate(create ? 'import' : 'loaded')
        await get().loadEncrypted()
        return true
      } catch (cause) {
        patch({ sealedTask: failed(cause) })
        return false
      }
    }
    return {
      encryption: {
        files: [],
        encryptTask: IDLE,
        written: null,
        decryptTask: IDLE,
        decrypting: null,
        sealedTask: IDLE,
        sealing: null,
        keychain: null,
      },
      loadEncrypted: async () => {
        try {
          patch({ files: await api['workspace:encrypted']({}) })
        } catch {
          // The list is refreshed after every encryption; an unreadable folder shows it empty.
        }
        await get().loadKeychain()
      },
      loadKeychain: async () => {
        if (!api.keychain) {
          patch({ keychain: { available: false, reason: KEYCHAIN_WEB_REASON, remembered: [] } })
          return
        }
        try {
          const names = get().encryption.files.map((f) => f.name)
          patch({ keychain: await api.keychain.status(names) })
        } catch (cause) {
          patch({
            keychain: {
              available: false,
              reason: failed(cause).error?.message ?? null,
              remembered: [],
            },
          })
        }
      },
      encryptOpen: async (passphrase, replace) => {
        patch({ encryptTask: RUNNING, written: null })
        try {
          const written = await api['workspace:encrypt']({ passphrase, replace })
          patch({ encryptTask: DONE, written })
          await get().loadEncrypted()
          return true
        } catch (cause) {
          patch({ encryptTask: failed(cause) })
          return false
        }
      },
      decryptAndOpen: async (name, as, passphrase) => {
        patch({ decryptTask: RUNNING, decrypting: name })
        try {
          const info = await api['workspace:decrypt']({ name, as, passphrase })
          get().workspaceChanged(info)
          patch({ decryptTask: DONE })
          await Promise.all([get().refreshWorkspaces(), get().loadRecent()])
          return true
        } catch (cause) {
          patch({ decryptTask: failed(cause) })
          return false
        }
      },
      unlockWithKeychain: (name) =>
        sealedOpen(name, false, () => keychainOf().openSealed({ name, remember: false })),
      forgetPassphrase: async (name) => {
        try {
          await keychainOf().forget(name)
        } finally {
          await get().loadKeychain()
        }
      },
      openSealed: (name, passphrase, create, remember = false) =>
        sealedOpen(name, create, () =>
          // Only main may keep a passphrase, and only once it has opened the file.
          remember && !create && api.keychain
            ? api.keychain.openSealed({ name, passphrase, remember })
            : api[create ? 'workspace:createSealed' : 'workspace:openSealed']({ name, passphrase }),
        ),
    }
  }
}
