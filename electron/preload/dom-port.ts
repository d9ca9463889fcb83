/**
 * Adapts the DOM MessagePort the preload receives from main to the PortLike
 * shape the engine's port client speaks.
 */
import type { PortLike } from '../engine/port'

/** Wraps a DOM MessagePort (its 'message' events carry `data`). */
export function fromDomPort(port: MessagePort): PortLike {
  const adapted: PortLike = {
    postMessage: (message, transfer) => port.postMessage(message, transfer ?? []),
    on(event: 'message' | 'close', listener: (message: unknown) => void) {
      if (event === 'message') port.addEventListener('message', (e) => listener(e.data))
      else port.addEventListener('close', () => listener(undefined))
      return adapted
    },
    start: () => port.start(),
    close: () => port.close(),
  }
  return adapted
}
