/**
 * The keychain opt-in (issue 11: "Passphrases are never stored unless the user opts into the OS
 * keychain"): main keeps, per sealed or encrypted file, the passphrase encrypted by the OS
 * keychain (Electron `safeStorage`: Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux) as one file in userData. The plaintext passphrase is never written; only
 * the OS login can decrypt the blob. The safeStorage functions are passed in, so this module
 * is plain Node and tested without the Electron binary; the glue passes `safeStorage` itself.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KEYCHAIN_WEB_REASON } from '../../shared/contract/encryption'

/** What the keychain needs of Electron's safeStorage. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Why the keychain cannot be offered, or null when it can. */
export function keychainProblem(safe: SafeStorageLike | null): string | null {
  if (safe === null) return KEYCHAIN_WEB_REASON
  if (!safe.isEncryptionAvailable())
    return "This computer's keychain is not available to Focal (on Linux, a Secret Service such as GNOME Keyring or KWallet is needed), so the passphrase is never remembered."
  return null
}

/** Passphrases remembered per file id, each encrypted by the OS keychain, in `folder`. */
export class Keychain {
  constructor(
    private readonly folder: string,
    private readonly safe: SafeStorageLike,
  ) {}

  /** Whether passphrases can be remembered here. */
  available(): boolean {
    return this.safe.isEncryptionAvailable()
  }

  /** Why passphrases cannot be remembered here (the sentence to show), or null. */
  problem(): string | null {
    return keychainProblem(this.safe)
  }

  /**
   * Remembers `passphrase` for `fileId` (e.g. `sealed:client`), replacing an earlier one.
   * Written beside and renamed, so a crash leaves the old blob or the new, never half of one.
   */
  remember(fileId: string, passphrase: string): void {
    if (!this.available()) throw new Error(keychainProblem(this.safe) ?? 'No keychain.')
    mkdirSync(this.folder, { recursive: true, mode: 0o700 })
    const path = this.pathOf(fileId)
    writeFileSync(`${path}.new`, this.safe.encryptString(passphrase), { mode: 0o600 })
    renameSync(`${path}.new`, path)
  }

  /**
   * The passphrase remembered for `fileId`, or null: none, no keychain, or a blob the keychain
   * no longer decrypts (another login, a reset keychain) — which is then removed.
   */
  recall(fileId: string): string | null {
    if (!this.available()) return null
    let blob: Buffer
    try {
      blob = readFileSync(this.pathOf(fileId))
    } catch {
      return null
    }
    try {
      return this.safe.decryptString(blob)
    } catch {
      this.forget(fileId)
      return null
    }
  }

  /** Which of `fileIds` have a remembered passphrase (the blobs are not decrypted). */
  remembered(fileIds: readonly string[]): string[] {
    return fileIds.filter((id) => {
      try {
        readFileSync(this.pathOf(id))
        return true
      } catch {
        return false
      }
    })
  }

  /** Forgets the passphrase of `fileId`. */
  forget(fileId: string): void {
    rmSync(this.pathOf(fileId), { force: true })
  }

  /** The blob's file: a hash of the id, so no id can name a path outside the folder. */
  private pathOf(fileId: string): string {
    return join(this.folder, `${createHash('sha256').update(fileId).digest('hex')}.key`)
  }
}
