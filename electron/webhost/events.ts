/**
 * Pushes service events to the page as Server-Sent Events. SSE rather than a
 * WebSocket because the traffic is one-way (engine → page), EventSource is
 * built into every browser and SSE is plain HTTP on node:http, so no extra
 * package and no upgrade handshake to secure.
 */
import type { ServerResponse } from 'node:http'
import type { FocalServices } from '../core/host'

/** How often a comment line is sent so idle proxies and the browser keep the stream open. */
const HEARTBEAT_MS = 15_000

/** The open event streams of one host. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>()

  /** Starts forwarding the services' events to one response until either side closes. */
  attach(services: FocalServices, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // A first comment flushes the headers, so EventSource reports "open" at once.
    response.write(': focal events\n\n')
    const unsubscribe = services.onEvent((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS)
    heartbeat.unref()
    this.open.add(response)
    response.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      this.open.delete(response)
    })
  }

  /** Ends every stream (on shutdown), so the server can close. */
  closeAll(): void {
    for (const response of this.open) response.end()
    this.open.clear()
  }
}
