/**
 * Serves the built renderer on `app://focal/…` for `protocol.handle`
 * (Electron security checklist #18 in current docs: a custom protocol instead
 * of `file://`). Every response carries the CSP (#7); a path that resolves
 * outside the renderer folder, even through a symlink, is refused.
 */
import { readFile, realpath } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { SECURITY_HEADERS } from './csp'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** True when `child` is `root` or inside it. */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The file under `root` an app URL names, or null when the URL is not ours or
 * escapes `root` (`..`, encoded `%2e%2e%2f`, backslashes, NUL). `/` is the entry page.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  return isInside(resolve(root), file) ? file : null
}

function respond(
  status: number,
  body: BodyInit | null,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentType },
  })
}

/** Answers one `app://` request from the files under `root`; never throws. */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const file = resolveAppPath(url, root)
  if (!file) return respond(403, 'Forbidden')
  try {
    // Symlinks must not lead out of the renderer folder either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    if (!isInside(realRoot, realFile)) return respond(403, 'Forbidden')
    const body = await readFile(realFile)
    const type = CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream'
    return respond(200, body, type)
  } catch {
    return respond(404, 'Not found')
  }
}
