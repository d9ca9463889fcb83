/** Chooses the transport for the host the page runs in. */
import type { FocalTransport } from './transport'
import { createWebTransport } from './web-transport'

export type { FocalTransport } from './transport'

/**
 * The Electron transport is loaded only inside Electron (where the preload
 * defines `window.focal`), and only if this build has it: import.meta.glob
 * yields no entry when the file is absent, so the web build never needs it.
 */
const electronModules = import.meta.glob<{ createElectronTransport?: () => FocalTransport }>(
  './electron-transport.ts',
)

/** The transport for this page: Electron's bridge when present, else the web host. */
export async function createTransport(): Promise<FocalTransport> {
  const load = electronModules['./electron-transport.ts']
  if ('focal' in window && load) {
    const { createElectronTransport } = await load()
    if (createElectronTransport) return createElectronTransport()
  }
  return createWebTransport()
}
