/**
 * The engine's side of a port: every message is validated against the
 * contract, exactly as main validates IPC (DESIGN.md, Settled details: Engine
 * port), then answered with a Result. Only main's privileged port may stage
 * files by path; a window's port speaks the contract and nothing else.
 */
import { z } from '../../shared/zod'
import {
  ReportExportRequestSchema,
  RowKeySchema,
  toFocalError,
  validateRequest,
  type Channel,
  type Result,
} from '../../shared/contract'
import type { FocalServices } from '../core/host'
import type { PortLike } from './port'
import {
  EXPORT_REPORT_CHANNEL,
  ROW_SOURCE_CHANNEL,
  STAGE_FILE_CHANNEL,
  isEngineRequest,
  type EngineEvent,
  type EngineResponse,
} from './protocol'

/** Who is on the other end of a port. */
export interface PortOptions {
  /** True only for main's own port: it may call `host:stageFile`, `host:exportReport` and `host:rowSource` with vetted paths. */
  privileged: boolean
}

const StageFileRequest = z
  .object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(255) })
  .strict()

const ExportReportRequest = z
  .object({ request: ReportExportRequestSchema, folder: z.string().min(1).max(4096) })
  .strict()

const RowSourceRequest = z
  .object({ key: RowKeySchema, folder: z.string().min(1).max(4096) })
  .strict()

const refused = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'BAD_REQUEST', message },
})

/** Answers one validated request; never throws. */
export async function answerRequest(
  services: FocalServices,
  channel: unknown,
  body: unknown,
  options: PortOptions,
): Promise<Result<unknown>> {
  try {
    if (channel === STAGE_FILE_CHANNEL) {
      if (!options.privileged) return refused('Only the main process may stage files by path.')
      const parsed = StageFileRequest.safeParse(body)
      if (!parsed.success) return refused(`Invalid request for ${STAGE_FILE_CHANNEL}.`)
      return { ok: true, value: await services.stageFile(parsed.data.path, parsed.data.name) }
    }
    if (channel === EXPORT_REPORT_CHANNEL) {
      if (!options.privileged) return refused('Only the main process may choose a report folder.')
      const parsed = ExportReportRequest.safeParse(body)
      if (!parsed.success) return refused(`Invalid request for ${EXPORT_REPORT_CHANNEL}.`)
      const { request, folder } = parsed.data
      return { ok: true, value: await services.exportReportTo(request, folder) }
    }
    if (channel === ROW_SOURCE_CHANNEL) {
      if (!options.privileged) return refused('Only the main process may choose a source folder.')
      const parsed = RowSourceRequest.safeParse(body)
      if (!parsed.success) return refused(`Invalid request for ${ROW_SOURCE_CHANNEL}.`)
      return { ok: true, value: await services.rowSourceIn(parsed.data.key, parsed.data.folder) }
    }
    const valid = validateRequest<Channel>(channel, body)
    const handler = services[valid.channel] as (request: unknown) => Promise<unknown>
    return { ok: true, value: await handler.call(services, valid.request) }
  } catch (cause) {
    return { ok: false, error: toFocalError(cause) }
  }
}

/**
 * The buffers of a result that may be moved rather than copied: an Arrow
 * payload that owns its whole ArrayBuffer. A view into a larger (pooled)
 * buffer is copied, since moving it would detach bytes someone else holds.
 */
export function transferablesOf(result: Result<unknown>): ArrayBuffer[] {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return []
  const arrow = (result.value as { arrow?: unknown }).arrow
  if (!(arrow instanceof Uint8Array) || !(arrow.buffer instanceof ArrayBuffer)) return []
  const ownsBuffer = arrow.byteOffset === 0 && arrow.byteLength === arrow.buffer.byteLength
  return ownsBuffer ? [arrow.buffer] : []
}

function reply(port: PortLike, response: EngineResponse): void {
  try {
    port.postMessage(response, transferablesOf(response.result))
  } catch (cause) {
    // A value that cannot be cloned must still produce an answer.
    port.postMessage({ ...response, result: { ok: false, error: toFocalError(cause) } })
  }
}

/** Serves the contract on `port` and forwards service events to it; returns a detach function. */
export function attachPort(
  port: PortLike,
  services: FocalServices,
  options: PortOptions,
): () => void {
  const unsubscribe = services.onEvent((event, payload) => {
    const message: EngineEvent = { kind: 'event', event, payload }
    port.postMessage(message)
  })
  port.on('message', (message) => {
    // Without an id there is no one to answer; drop the message.
    if (!isEngineRequest(message)) return
    void answerRequest(services, message.channel, message.request, options).then((result) =>
      reply(port, { kind: 'response', id: message.id, result }),
    )
  })
  port.on('close', unsubscribe)
  port.start()
  return unsubscribe
}

/** Answers every request on `port` with `error`: used when the services failed to start. */
export function attachUnavailable(port: PortLike, cause: unknown): void {
  const result: Result<never> = { ok: false, error: toFocalError(cause) }
  port.on('message', (message) => {
    if (isEngineRequest(message)) port.postMessage({ kind: 'response', id: message.id, result })
  })
  port.start()
}
