/**
 * Messages on the MessagePorts between the engine and its clients (main and
 * each window's preload). Pure TypeScript with no Node or DOM imports, so the
 * sandboxed preload can bundle it too.
 */
import type { EventName, Result } from '../../shared/contract'

/** Host-only channel: registers a path main has vetted. Refused on window ports. */
export const STAGE_FILE_CHANNEL = 'host:stageFile'

/** Host-only channel: exports a report pack into a folder main's dialog produced. Refused on window ports. */
export const EXPORT_REPORT_CHANNEL = 'host:exportReport'

/** Host-only channel: "Show in source" in a folder main's dialog produced. Refused on window ports. */
export const ROW_SOURCE_CHANNEL = 'host:rowSource'

/** A request: `channel` is a contract channel (or `host:stageFile` on main's port). */
export interface EngineRequest {
  kind: 'request'
  id: number
  channel: string
  request: unknown
}

/** The answer to the request with the same id. */
export interface EngineResponse {
  kind: 'response'
  id: number
  result: Result<unknown>
}

/** An event the services pushed, fanned out to every port. */
export interface EngineEvent {
  kind: 'event'
  event: EventName
  payload: unknown
}

/** Sent by main on `process.parentPort` with one port: who is on the other end. */
export interface ConnectMessage {
  kind: 'connect'
  /** `main` may stage files; a `window` may only use the contract. */
  role: 'main' | 'window'
}

/** Sent by main on `process.parentPort`: close the workspace (checkpoint) and exit. */
export interface ShutdownMessage {
  kind: 'shutdown'
}

/** True when `value` has the shape of a request envelope (the body is validated later). */
export function isEngineRequest(value: unknown): value is EngineRequest {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return v.kind === 'request' && Number.isSafeInteger(v.id) && typeof v.channel === 'string'
}

/** True when `value` is a response envelope. */
export function isEngineResponse(value: unknown): value is EngineResponse {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return v.kind === 'response' && Number.isSafeInteger(v.id) && typeof v.result === 'object'
}

/** True when `value` is an event envelope. */
export function isEngineEvent(value: unknown): value is EngineEvent {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return v.kind === 'event' && typeof v.event === 'string'
}

/** True when `value` is a connect message from main. */
export function isConnectMessage(value: unknown): value is ConnectMessage {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return v.kind === 'connect' && (v.role === 'main' || v.role === 'window')
}

/** True when `value` is a shutdown message from main. */
export function isShutdownMessage(value: unknown): value is ShutdownMessage {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'shutdown'
  )
}
