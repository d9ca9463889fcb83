/**
 * The one origin the app trusts: `app://focal`, the privileged custom scheme
 * the renderer is served from (Electron security checklist #18 in current
 * docs: prefer a custom protocol to `file://`). In development the
 * electron-vite dev server on loopback is trusted instead, never both.
 */

/** The custom scheme, without the colon. */
export const APP_SCHEME = 'app'

/** The host part of every app URL. */
export const APP_HOST = 'focal'

/** Where the renderer's entry page lives. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The privileges the scheme is registered with before `app.ready`. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
} as const

/** Whose pages main trusts: the app scheme, or (development only) one loopback dev server. */
export interface Trust {
  /** The electron-vite dev server URL, only when the app is not packaged. */
  devServerUrl: string | null
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The dev server's origin when it is a loopback http URL, else null. */
export function devOrigin(trust: Trust): string | null {
  const dev = trust.devServerUrl ? parse(trust.devServerUrl) : null
  if (!dev || dev.protocol !== 'http:' || !LOOPBACK.has(dev.hostname)) return null
  return dev.origin
}

/**
 * True when `url` is a page of ours. Compared on parsed parts, never with
 * `startsWith` (checklist #13: `app://focal.evil` must not pass). Note that
 * WHATWG URLs give custom schemes an opaque origin, so scheme and host are
 * compared instead.
 */
export function isAppUrl(url: string, trust: Trust): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.username || parsed.password) return false
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
  const dev = devOrigin(trust)
  return dev !== null && parsed.origin === dev
}
