/**
 * Main's answers to the keychain channels (shared/contract/encryption.ts KEYCHAIN_REQUESTS):
 * main, not the page, holds the keychain, so a remembered passphrase goes from the keychain
 * straight to the engine and never to the renderer, and a page can only name a sealed file of
 * the workspaces folder (by its name; the blob's file is a hash of it). Plain Node: the engine
 * call and the keychain are passed in, so it is tested with real services.
 */
import type {
  KeychainOpenRequest,
  KeychainStatus,
  Result,
  WorkspaceInfo,
} from '../../shared/contract'
import { HOST_CHANNELS } from '../../shared/contract/bridge'
import type { KeychainChannel } from './ipc-policy'
import type { Keychain } from './keychain'

/** Calls the engine's `workspace:openSealed`. */
export type OpenSealed = (request: {
  name: string
  passphrase: string
}) => Promise<Result<WorkspaceInfo>>

/** The keychain id of a sealed file of the workspaces folder. */
const idOf = (name: string): string => `sealed:${name}`

/** Builds main's keychain target (RouterTargets.keychain) over the keychain and the engine. */
export function createKeychainTarget(keychain: Keychain, openSealed: OpenSealed) {
  const reason = (): string | null => keychain.problem()
  const status = (names: readonly string[]): KeychainStatus => {
    const why = reason()
    if (why !== null) return { available: false, reason: why, remembered: [] }
    const remembered = new Set(keychain.remembered(names.map(idOf)))
    return {
      available: true,
      reason: null,
      remembered: names.filter((n) => remembered.has(idOf(n))),
    }
  }
  const open = async (request: KeychainOpenRequest): Promise<Result<WorkspaceInfo>> => {
    const typed = request.passphrase
    const passphrase = typed ?? keychain.recall(idOf(request.name))
    if (passphrase === null)
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `No passphrase for ${request.name}.focal.enc is remembered in this computer's keychain.`,
          hint: 'Type the passphrase instead.',
        },
      }
    const result = await openSealed({ name: request.name, passphrase })
    if (result.ok && typed !== undefined && request.remember && reason() === null)
      keychain.remember(idOf(request.name), typed)
    // A remembered passphrase the file no longer takes (it was sealed again under another).
    if (!result.ok && typed === undefined && result.error.code === 'WRONG_PASSPHRASE')
      keychain.forget(idOf(request.name))
    return result
  }
  return async (channel: KeychainChannel, request: unknown): Promise<Result<unknown>> => {
    if (channel === HOST_CHANNELS.keychainStatus)
      return { ok: true, value: status((request as { names: string[] }).names) }
    if (channel === HOST_CHANNELS.keychainOpenSealed) return open(request as KeychainOpenRequest)
    keychain.forget(idOf((request as { name: string }).name))
    return { ok: true, value: null }
  }
}
