/**
 * The Content-Security-Policy of every page (Electron security checklist #7):
 * only the app's own origin, no remote origin anywhere. Scripts are the app's
 * own files only: no `eval` and no WebAssembly compilation (`'wasm-unsafe-eval'`
 * went with duckdb-wasm; the engine is native DuckDB in the main process);
 * `'unsafe-inline'` styles are what Mantine's runtime styles need.
 */

/** Each directive and its sources. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
}

/** The policy as one header value. */
export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ')

/** Headers set on every response of the app protocol. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}
