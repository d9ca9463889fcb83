/**
 * The one port shape the engine code speaks: Node's `worker_threads`
 * MessagePort already has it (so tests use the real thing), and Electron's
 * MessagePortMain is adapted to it here without importing `electron`.
 */

/** A Node-style message port: `on('message')` hands over the data itself. */
export interface PortLike {
  /** Posts a message; `transfer` moves ArrayBuffers instead of copying them where the port can. */
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void
  /** Listens for messages (their data) or for the other end closing. */
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'close', listener: () => void): unknown
  /** Starts delivering messages; call after the listeners are on, so none is lost. */
  start(): void
  /** Closes this end. */
  close(): void
}

/** The parts of Electron's MessagePortMain the engine uses (structural, so no `electron` import). */
export interface MessagePortMainLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  start(): void
  close(): void
}

/**
 * Adapts an Electron MessagePortMain to PortLike. MessagePortMain
 * can transfer only ports, not ArrayBuffers, so bytes are copied by its
 * serializer; the transfer list is dropped rather than rejected.
 */
export function fromMessagePortMain(port: MessagePortMainLike): PortLike {
  const adapted: PortLike = {
    postMessage: (message) => port.postMessage(message),
    on(event: 'message' | 'close', listener: (message: unknown) => void) {
      if (event === 'message') port.on('message', (e) => listener(e.data))
      else port.on('close', () => listener(undefined))
      return adapted
    },
    start: () => port.start(),
    close: () => port.close(),
  }
  return adapted
}
