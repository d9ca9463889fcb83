/**
 * The /api routes: one POST per contract channel, file upload, and the event
 * stream. Every request is validated against the contract before a handler
 * runs, and every answer is a Result (CONVENTIONS.md #2 and #5), never HTML.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  toFocalError,
  validateRequest,
  type FocalError,
  type ResponseOf,
} from '../../shared/contract'
import type { FocalServices } from '../core/host'
import type { EventStreams } from './events'
import { BodyTooLarge, discardRest, readBody, sendError, sendJson } from './http-util'
import { handleSourceFolder } from './source-folder'
import { sendReportFile, sendReportZip } from './report-files'
import type { UploadStore } from './uploads'

/** Largest JSON request body: contract requests are small; 1 MB leaves room for long filter lists. */
export const JSON_BODY_LIMIT = 1024 * 1024

/** Media type of a pivot result; its meta travels URI-encoded in the META_HEADER. */
export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream'

/** Response header carrying a pivot result's PivotMeta as URI-encoded JSON. */
export const META_HEADER = 'x-focal-meta'

/** What the routes need from the host. */
export interface ApiContext {
  services: FocalServices
  uploads: UploadStore
  events: EventStreams
}

/** HTTP status of a failed Result: the envelope says what; the status helps logs and curl. */
function statusOf(error: FocalError): number {
  if (error.code === 'BAD_REQUEST') return 400
  if (error.code === 'INTERNAL') return 500
  return 200
}

async function sendFailure(
  request: IncomingMessage,
  response: ServerResponse,
  cause: unknown,
): Promise<void> {
  if (cause instanceof BodyTooLarge) {
    // Read the rest first: a socket closed with unread bytes is reset, and the 413 is lost with it.
    await discardRest(request)
    response.setHeader('Connection', 'close')
    sendError(response, 413, 'BAD_REQUEST', cause.message, cause.hint)
    return
  }
  const error = toFocalError(cause)
  if (error.code === 'INTERNAL') console.error('focal web host:', cause)
  sendJson(response, statusOf(error), { ok: false, error })
}

async function handleChannel(
  context: ApiContext,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const text = (await readBody(request, JSON_BODY_LIMIT)).toString('utf8')
  let body: unknown
  try {
    body = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    sendError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON.')
    return
  }
  const { channel, request: valid } = validateRequest(name, body)
  const handler = context.services[channel] as (request: unknown) => Promise<unknown>
  const value = await handler.call(context.services, valid)
  if (channel === 'pivot:run') {
    const { meta, arrow } = value as ResponseOf<'pivot:run'>
    response.writeHead(200, {
      'Content-Type': ARROW_STREAM_TYPE,
      'Content-Length': arrow.byteLength,
      'Cache-Control': 'no-store',
      [META_HEADER]: encodeURIComponent(JSON.stringify(meta)),
    })
    response.end(arrow)
    return
  }
  sendJson(response, 200, { ok: true, value })
}

async function handleUpload(
  context: ApiContext,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const name = url.searchParams.get('name')
  if (!name) {
    sendError(response, 400, 'BAD_REQUEST', 'An upload needs ?name=<file name>.')
    return
  }
  // A sealed workspace's uploads go to its RAM folder: its billing data never on disk.
  const { path } = await context.uploads.receive(request, name, context.services.stagingFolder())
  const staged = await context.services.stageFile(path, name.split(/[\\/]/).pop() ?? name)
  sendJson(response, 200, { ok: true, value: staged })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Routes one /api request (access already checked). */
export async function handleApi(
  context: ApiContext,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const route = url.pathname.slice('/api/'.length)
  try {
    if (route === 'events') {
      if (request.method !== 'GET')
        return sendError(response, 405, 'BAD_REQUEST', 'Use GET for /api/events.')
      context.events.attach(context.services, response)
      return
    }
    if (route === 'report-file') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendError(response, 405, 'BAD_REQUEST', 'Use GET for /api/report-file.')
      return await sendReportFile(context.services, url, response, request.method === 'HEAD')
    }
    if (route === 'report-zip') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendError(response, 405, 'BAD_REQUEST', 'Use GET for /api/report-zip.')
      return await sendReportZip(context.services, url, response, request.method === 'HEAD')
    }
    if (request.method !== 'POST')
      return sendError(response, 405, 'BAD_REQUEST', `Use POST for /api/${route}.`)
    if (route === 'upload') return await handleUpload(context, url, request, response)
    if (route === 'source-folder')
      return await handleSourceFolder(context.services, request, response)
    await handleChannel(context, safeDecode(route), request, response)
  } catch (cause) {
    if (response.headersSent) response.destroy()
    else await sendFailure(request, response, cause)
  }
}
