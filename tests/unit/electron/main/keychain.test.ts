/**
 * keychain.ts with a reversible stand-in for Electron's safeStorage: the real one needs the
 * Electron binary, which cannot be downloaded here (no network but npm's registry, and the
 * binary is fetched from GitHub). The stand-in encrypts with AES-256-GCM under a key of its
 * own, as the OS keychain would, so the tests can check that what is on disk is not the
 * passphrase, that a blob another key made is refused (and removed), and forgetting.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Keychain, keychainProblem } from '../../../../electron/main/keychain'
import { tempDir } from '../../../helpers/paths'
import { standIn } from './safe-storage-stand-in'

const PASSPHRASE = 'remember me please 3'

describe('Keychain', () => {
  it('remembers a passphrase encrypted, recalls it per file, and forgets it', () => {
    const folder = join(tempDir(), 'keychain')
    const keychain = new Keychain(folder, standIn())
    expect(keychain.recall('sealed:client')).toBeNull()
    keychain.remember('sealed:client', PASSPHRASE)
    keychain.remember('encrypted:other', 'another passphrase')
    expect(keychain.recall('sealed:client')).toBe(PASSPHRASE)
    expect(keychain.recall('encrypted:other')).toBe('another passphrase')
    expect(keychain.recall('sealed:other')).toBeNull()
    expect(keychain.remembered(['sealed:client', 'sealed:other', 'encrypted:other'])).toEqual([
      'sealed:client',
      'encrypted:other',
    ])
    // On disk: two blobs named by a hash, neither holding the passphrase or the file's name.
    const files = readdirSync(folder)
    expect(files).toHaveLength(2)
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{64}\.key$/)
      const bytes = readFileSync(join(folder, file))
      expect(bytes.includes(Buffer.from('remember me'))).toBe(false)
      expect(bytes.includes(Buffer.from('another'))).toBe(false)
    }
    keychain.forget('sealed:client')
    expect(keychain.recall('sealed:client')).toBeNull()
    expect(keychain.recall('encrypted:other')).toBe('another passphrase')
    expect(readdirSync(folder)).toHaveLength(1)
  })

  it('drops a blob the keychain no longer decrypts (another login, a reset keychain)', () => {
    const folder = join(tempDir(), 'keychain')
    new Keychain(folder, standIn()).remember('sealed:client', PASSPHRASE)
    const other = new Keychain(folder, standIn())
    expect(other.recall('sealed:client')).toBeNull()
    expect(readdirSync(folder)).toEqual([])
    // A blob changed on disk is refused too.
    const keychain = new Keychain(folder, standIn())
    keychain.remember('sealed:client', PASSPHRASE)
    const [file = ''] = readdirSync(folder)
    const bytes = readFileSync(join(folder, file))
    bytes[bytes.length - 1] ^= 1
    writeFileSync(join(folder, file), bytes)
    expect(keychain.recall('sealed:client')).toBeNull()
  })

  it('remembers nothing without a keychain, and says why', () => {
    const folder = join(tempDir(), 'keychain')
    const keychain = new Keychain(folder, standIn(false))
    expect(keychain.available()).toBe(false)
    expect(() => keychain.remember('sealed:client', PASSPHRASE)).toThrow(
      /keychain is not available/,
    )
    expect(keychain.recall('sealed:client')).toBeNull()
    expect(keychainProblem(standIn(false))).toMatch(/Secret Service/)
    expect(keychainProblem(null)).toMatch(/Only the desktop app/)
    expect(keychainProblem(standIn())).toBeNull()
  })
})
