/**
 * The client end of an engine port, used by main (its privileged port) and by
 * each window's preload: numbered requests, Results back, events forwarded.
 * Pure TypeScript so the sandboxed preload can bundle it.
 */
import type { Result } from '../../shared/contract'
import type { PortLike } from './port'
import { isEngineEvent, isEngineResponse, type EngineEvent, type EngineRequest } from './protocol'

/** A client of the engine over one port. */
export interface PortClient {
  /** Sends a request; resolves with the engine's Result (never rejects). */
  call(channel: string, request: unknown): Promise<Result<unknown>>
  /** Fails every pending request and closes the port. */
  close(): void
}

const stopped: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The Focal engine stopped before it answered.' },
}

/** Wraps a port in a PortClient; `onEvent` receives the events the engine pushes. */
export function createPortClient(
  port: PortLike,
  onEvent?: (event: EngineEvent) => void,
): PortClient {
  let nextId = 1
  let closed = false
  const pending = new Map<number, (result: Result<unknown>) => void>()

  const failAll = () => {
    closed = true
    for (const resolve of pending.values()) resolve(stopped)
    pending.clear()
  }

  port.on('message', (message) => {
    if (isEngineResponse(message)) {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    } else if (isEngineEvent(message)) {
      onEvent?.(message)
    }
  })
  port.on('close', failAll)
  port.start()

  return {
    call(channel, request) {
      if (closed) return Promise.resolve(stopped)
      const id = nextId++
      const envelope: EngineRequest = { kind: 'request', id, channel, request }
      return new Promise((resolve) => {
        pending.set(id, resolve)
        try {
          port.postMessage(envelope)
        } catch (cause) {
          pending.delete(id)
          const message = cause instanceof Error ? cause.message : String(cause)
          resolve({ ok: false, error: { code: 'BAD_REQUEST', message } })
        }
      })
    },
    close() {
      failAll()
      port.close()
    },
  }
}
