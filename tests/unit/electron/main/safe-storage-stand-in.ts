/**
 * A reversible stand-in for Electron's safeStorage: the real one needs the Electron binary, which
 * cannot be downloaded here. It encrypts with AES-256-GCM under a key only it holds, as the OS
 * keychain encrypts under the login's, so a blob another stand-in made does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SafeStorageLike } from '../../../../electron/main/keychain'

/** A stand-in for safeStorage: AES-256-GCM under a key only it holds, like the OS login's. */
export function standIn(available = true): SafeStorageLike {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString: (blob) => {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
      decipher.setAuthTag(blob.subarray(12, 28))
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}
