/**
 * No network at all (DESIGN.md, Security baseline): every request a page
 * makes is cancelled unless it stays inside the app (`app:`), is DevTools'
 * own, or is in-memory data (`data:`, `blob:`). Chromium's resolver is also
 * told to resolve no host name, so even requests that bypass `webRequest`
 * cannot reach the network. The engine (DuckDB) is kept offline by the core
 * (autoinstall/autoload of extensions off, configuration locked).
 */
import { APP_SCHEME, devOrigin, type Trust } from './app-origin'

/** Schemes that never leave the machine. */
export const LOCAL_SCHEMES: readonly string[] = [`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']

/** The fields of a webRequest `details` the policy reads. */
export interface RequestDetails {
  url: string
}

/** What the policy tells webRequest. */
export interface RequestDecision {
  cancel: boolean
}

/**
 * True when a request to `url` may proceed. In development the loopback dev
 * server (and its HMR socket on the same host and port) is allowed too.
 */
export function isAllowedRequest(url: string, trust: Trust): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (LOCAL_SCHEMES.includes(parsed.protocol)) return true
  const dev = devOrigin(trust)
  if (!dev) return false
  const devUrl = new URL(dev)
  const sameServer = parsed.host === devUrl.host
  return sameServer && (parsed.protocol === 'http:' || parsed.protocol === 'ws:')
}

/** The `onBeforeRequest` listener: cancels everything `isAllowedRequest` refuses. */
export function networkPolicy(
  trust: Trust,
): (details: RequestDetails, callback: (decision: RequestDecision) => void) => void {
  return (details, callback) => callback({ cancel: !isAllowedRequest(details.url, trust) })
}

/**
 * Chromium switches applied before `app.ready`: no host name resolves, so no
 * connection can be opened by anything in the browser process (defence in
 * depth behind `networkPolicy`). Development keeps loopback for the dev server.
 */
export function offlineSwitches(trust: Trust): Array<[string, string]> {
  const rules = devOrigin(trust) ? 'MAP * ~NOTFOUND, EXCLUDE localhost' : 'MAP * ~NOTFOUND'
  return [['host-resolver-rules', rules]]
}
