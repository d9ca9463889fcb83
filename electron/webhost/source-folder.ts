/**
 * "Show in source" in the web host (issue 9, Drill-through): a browser page has no folder dialog
 * that hands the host a path, so the person types the folder the source file is in. The host
 * runs on their own machine, on loopback, behind the access token, and reads that folder only
 * to find a file whose SHA-256 is the import's (electron/core/rows/source-links.ts): the answer
 * is the row's line of that file or a sentence, never a listing. This is a web host route, not
 * a contract channel, because the desktop app's renderer must never name a path (CONVENTIONS.md
 * #4); there main's dialog does it.
 */
import { stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail, RowKeySchema } from '../../shared/contract'
import { z } from '../../shared/zod'
import type { FocalServices } from '../core/host'
import { readBody, sendJson } from './http-util'

/** The body of POST /api/source-folder. */
export const SourceFolderRequestSchema = z
  .object({ key: RowKeySchema, folder: z.string().min(1).max(4096) })
  .strict()

/** A request is small: a row key and one path. */
const BODY_LIMIT = 16 * 1024

/** Reads the row's source line from the folder the person typed; answers a Result as the channels do. */
export async function handleSourceFolder(
  services: Pick<FocalServices, 'rowSourceIn'>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const text = (await readBody(request, BODY_LIMIT)).toString('utf8')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    fail('BAD_REQUEST', 'The request body is not valid JSON.')
  }
  const parsed = SourceFolderRequestSchema.safeParse(body)
  if (!parsed.success)
    fail('BAD_REQUEST', 'Send the row key and the folder: { "key": {…}, "folder": "/path" }.')
  const folder = parsed.data.folder.trim()
  const hint = 'Copy the folder path from your file manager, e.g. /home/me/billing or C:\\billing.'
  // A relative path would resolve against wherever the host was started: ask for a full one.
  if (!isAbsolute(folder))
    fail('NOT_FOUND', 'The folder must be a full path, not a relative one.', { hint })
  const found = await stat(folder).catch(() => null)
  if (!found?.isDirectory())
    fail('NOT_FOUND', 'No folder is at that path on the machine running Focal.', { hint })
  sendJson(response, 200, { ok: true, value: await services.rowSourceIn(parsed.data.key, folder) })
}
