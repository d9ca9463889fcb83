/** Small helpers the web host's routes share: JSON replies, bounded bodies, security headers. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode, FocalError } from '../../shared/contract'

/**
 * The renderer's Content Security Policy (DESIGN.md, Security baseline): no
 * remote origins; scripts from the app's own files only, with neither eval nor
 * WebAssembly compilation; inline styles because Mantine sets CSS variables on elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers every response carries, whatever it is. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

/** Sends a JSON value with a status code; API answers are never HTML. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  response.end(body)
}

/** Sends `{ ok: false, error }` with a transport status code. */
export function sendError(
  response: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  hint?: string,
): void {
  const error: FocalError = hint ? { code, message, hint } : { code, message }
  sendJson(response, status, { ok: false, error })
}

/** A size as people read it: 1024 bytes is "1 KB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`
}

/** A request body that went over its size limit; `fileName` is set for uploads. */
export class BodyTooLarge extends Error {
  /** What the person can do about it. */
  readonly hint: string
  constructor(
    readonly limit: number,
    readonly fileName?: string,
  ) {
    super(
      fileName
        ? `${fileName} is larger than the web host's upload limit of ${formatBytes(limit)} (${limit} bytes).`
        : `The request is larger than the web host's limit of ${formatBytes(limit)} (${limit} bytes).`,
    )
    this.name = 'BodyTooLarge'
    this.hint = fileName
      ? 'Start the web host again with a larger --upload-limit <bytes>, or import the file with the focal command (focal import <file> -w <workspace.focal>).'
      : 'Send a smaller request; requests to the web host are small JSON documents.'
  }
}

/**
 * Reads a whole request body, keeping at most `limit` bytes. Past the limit it
 * rejects with BodyTooLarge but leaves the request open (never destroys it), so
 * the caller can answer 413 after discardRest instead of resetting the connection.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.reject(new BodyTooLarge(limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (): void => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      request.pause()
      reject(new BodyTooLarge(limit))
    }
    const onEnd = (): void => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (cause: Error): void => {
      stop()
      reject(cause)
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}

/**
 * How long the host keeps reading a refused body. A client that sends its
 * whole body before it reads the answer (Python's urllib, many scripts) only
 * sees a 413 if the host reads to the end: closing a socket with unread bytes
 * makes the kernel reset the connection and drop the answer. A minute covers
 * gigabytes over loopback; a client still sending after that is cut off.
 */
export const DISCARD_TIMEOUT_MS = 60_000

/** Reads and throws away the rest of a request body (bounded by `timeoutMs`); resolves when done. */
export function discardRest(
  request: IncomingMessage,
  timeoutMs = DISCARD_TIMEOUT_MS,
): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      request.off('end', done)
      request.off('close', done)
      request.off('error', done)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    request.on('end', done)
    request.on('close', done)
    request.on('error', done)
    request.resume()
  })
}
