/**
 * The loopback web host (DESIGN.md, Processes): serves the built renderer and
 * answers the API contract over HTTP, so the app runs in a browser where
 * Electron cannot, and Playwright can drive it against the real engine.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FocalServices } from '../core/host'
import { handleApi } from './api-routes'
import { EventStreams } from './events'
import { sendError, setSecurityHeaders } from './http-util'
import { serveStatic } from './static-files'
import { DEFAULT_UPLOAD_LIMIT, UploadStore } from './uploads'

/** Only loopback: the host is for the person at this machine, never the network. */
const BIND_ADDRESS = '127.0.0.1'

/** What startWebHost needs. */
export interface WebHostOptions {
  /** The core services; the host owns them from now on and closes them on close(). */
  services: FocalServices
  /** The built renderer folder (out/renderer). */
  staticDir: string
  /** TCP port; 0 picks a free one. */
  port?: number
  /** Access token; a random one per run when omitted. */
  token?: string
  /** Largest upload in bytes (default 20 GB). */
  uploadLimitBytes?: number
}

/** A running web host. */
export interface WebHost {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  /** Stops accepting requests, ends event streams, closes the services and deletes staged uploads. */
  close(): Promise<void>
}

/** A fresh random token: 24 bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameToken(given: string | null | undefined, expected: Buffer): boolean {
  if (!given) return false
  const buffer = Buffer.from(given)
  return buffer.length === expected.length && timingSafeEqual(buffer, expected)
}

/** Why a request was refused: the sentence and what to do. Never echoes the token. */
interface Refusal {
  message: string
  hint: string
}

const OPEN_PRINTED_URL = 'Open Focal from the URL the web host printed when it started.'

/**
 * Checks Host (against DNS rebinding: a remote page resolving its own name to
 * 127.0.0.1), Origin on writes (against cross-site form posts) and the token,
 * and says which check failed, so a person fixes the right thing.
 */
function refusal(request: IncomingMessage, url: URL, port: number, token: Buffer): Refusal | null {
  const origins = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!origins.includes(request.headers.host ?? ''))
    return {
      message: `The request's Host is not 127.0.0.1:${port} or localhost:${port}; the web host answers only pages it served itself.`,
      hint: `${OPEN_PRINTED_URL} A proxy or another name for this machine cannot reach it.`,
    }
  const origin = request.headers.origin
  if (origin != null && !origins.some((o) => origin === `http://${o}`))
    return {
      message: `The request came from another site (Origin is not http://127.0.0.1:${port} or http://localhost:${port}).`,
      hint: `${OPEN_PRINTED_URL} Other sites cannot use the web host.`,
    }
  const header = request.headers['x-focal-token']
  const given = typeof header === 'string' ? header : url.searchParams.get('token')
  if (!sameToken(given, token))
    return {
      message: given ? 'Wrong access token.' : 'Missing access token.',
      hint: `${OPEN_PRINTED_URL} It carries this run's access token, which a reload of the page drops.`,
    }
  return null
}

/** Starts the web host on 127.0.0.1 and resolves once it listens. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomToken()
  const tokenBytes = Buffer.from(token)
  const uploads = await UploadStore.create(options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT)
  const events = new EventStreams()
  const context = { services: options.services, uploads, events }
  let port = 0

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response)
    const url = new URL(request.url ?? '/', `http://${BIND_ADDRESS}`)
    if (url.pathname.startsWith('/api/')) {
      const refused = refusal(request, url, port, tokenBytes)
      if (refused) {
        sendError(response, 403, 'BAD_REQUEST', refused.message, refused.hint)
        return
      }
      void handleApi(context, url, request, response)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'BAD_REQUEST', 'Static files are read-only.')
      return
    }
    void serveStatic(options.staticDir, url.pathname, response, request.method === 'HEAD').catch(
      () => response.destroy(),
    )
  })
  // Uploads can run for minutes; the default 5-minute request timeout would cut a 20 GB upload.
  server.requestTimeout = 0

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, BIND_ADDRESS, () => resolve())
  })
  port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      events.closeAll()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // An upload still streaming would hold close() forever; give it a moment, then cut it.
        setTimeout(() => server.closeAllConnections(), 2000).unref()
      })
      await options.services.close()
      await uploads.dispose()
    })()
    return closing
  }

  return {
    url: `http://${BIND_ADDRESS}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close,
  }
}
