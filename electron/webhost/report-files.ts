/**
 * `GET /api/report-file?job=<id>&name=<file>&token=…`: lets the page download
 * a file of a pack the host wrote. The core answers only names that are in the
 * job's own file list (compared whole, so `..` or an absolute path never
 * reaches the file system); the browser gets it as an attachment.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { fail, toFocalError } from '../../shared/contract'
import type { FocalServices } from '../core/host'
import { writePackZip, type ZipSource } from '../core/report/zip'
import { sendError, sendJson } from './http-util'

const TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.json': 'application/json; charset=utf-8',
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** Streams the requested pack file, or answers a JSON error. */
export async function sendReportFile(
  services: FocalServices,
  url: URL,
  response: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  const job = url.searchParams.get('job')
  const name = url.searchParams.get('name')
  if (!job || !name) {
    sendError(response, 400, 'BAD_REQUEST', 'A report file needs ?job=<id>&name=<file>.')
    return
  }
  let file: ReturnType<FocalServices['reportFile']>
  let size: number
  try {
    file = services.reportFile(job, name)
    // The size now, not at export: a later export of the same period replaces the files.
    size = await stat(file.path).then(
      (info) => info.size,
      () => fail('NOT_FOUND', 'That file is no longer in the report folder; export again.'),
    )
  } catch (cause) {
    sendJson(response, 404, { ok: false, error: toFocalError(cause) })
    return
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Content-Disposition': attachmentHeader(file.name),
    'Cache-Control': 'no-store',
  })
  if (headOnly) {
    response.end()
    return
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file.path)
    stream.on('error', () => {
      response.destroy()
      resolve()
    })
    stream.on('end', () => resolve())
    stream.pipe(response)
  })
}

/**
 * `GET /api/report-zip?job=<id>&token=…`: the whole pack as one ZIP, built
 * while it streams (nothing extra is written to disk). Its entries are the
 * job's own file list, each found by name as for one file.
 */
export async function sendReportZip(
  services: FocalServices,
  url: URL,
  response: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  const jobId = url.searchParams.get('job')
  if (!jobId) {
    sendError(response, 400, 'BAD_REQUEST', 'A report ZIP needs ?job=<id>.')
    return
  }
  let sources: ZipSource[]
  let name: string
  try {
    const job = await services['report:status']({ jobId })
    if (job.state !== 'done') fail('NOT_FOUND', 'That pack is not finished; wait until it is.')
    sources = job.files.map((f) => ({
      name: f.name,
      path: services.reportFile(jobId, f.name).path,
    }))
    for (const source of sources)
      await stat(source.path).catch(() =>
        fail('NOT_FOUND', 'A file of that pack is no longer in the report folder; export again.'),
      )
    name = `${job.kind}-${job.period}.zip`
  } catch (cause) {
    sendJson(response, 404, { ok: false, error: toFocalError(cause) })
    return
  }
  // The length is known only at the end, so the archive goes out chunked.
  response.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': attachmentHeader(name),
    'Cache-Control': 'no-store',
  })
  if (headOnly) {
    response.end()
    return
  }
  try {
    await writePackZip(sources, response, new Date())
  } catch {
    // Headers are out: a broken download is the only honest signal left.
    response.destroy()
  }
}
