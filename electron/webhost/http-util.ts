/** Small helpers the web host's routes share: JSON replies, bounded bodies, security headers. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode, FocalError } from '../../shared/contract'

/**
 * The renderer's Content Security Policy (DESIGN.md, Security baseline): no
 * remote origins; 'wasm-unsafe-eval' only so the duckdb-wasm viewer can compile
 * its module; inline styles because Mantine sets CSS variables on elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
): void {
  const error: FocalError = { code, message }
  sendJson(response, status, { ok: false, error })
}

/** A request body that went over its size limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`)
    this.name = 'BodyTooLarge'
  }
}

/** Reads a whole request body, refusing (without buffering the rest) past `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw new BodyTooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) throw new BodyTooLarge(limit)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}
