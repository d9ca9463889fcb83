/**
 * The transport for the loopback web host: one POST per channel, uploads for
 * files, Server-Sent Events for pushed events. The access token comes from the
 * page URL once and then lives only in memory.
 */
import {
  CHANNELS,
  FocalFailure,
  type Channel,
  type EventName,
  type EventOf,
  type FocalApi,
  type FocalError,
  type PivotMeta,
  type RowKey,
  type RowSource,
  type StagedFile,
} from '../../../shared/contract'
import type { FocalTransport } from './transport'

/** Must match the web host's META_HEADER (electron/webhost/api-routes.ts). */
const META_HEADER = 'x-focal-meta'

/**
 * Reads `?token=` from the address and removes it with history.replaceState,
 * so it does not linger in the address bar, the history or a copied link.
 */
export function takeTokenFromLocation(): string | null {
  const url = new URL(window.location.href)
  const token = url.searchParams.get('token')
  if (token !== null) {
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  }
  return token
}

const unreachable: FocalError = {
  code: 'INTERNAL',
  message: 'The Focal web host is not answering.',
  hint: 'Check that the web host is still running, then reload the page from the URL it printed.',
}

async function fetchOrFail(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init)
  } catch {
    throw new FocalFailure(unreachable)
  }
}

/** Unwraps a `{ ok, value | error }` JSON answer, throwing its error as a FocalFailure. */
async function unwrap<T>(response: Response): Promise<T> {
  let body: { ok: true; value: T } | { ok: false; error: FocalError }
  try {
    body = (await response.json()) as typeof body
  } catch {
    throw new FocalFailure({
      code: 'INTERNAL',
      message: `The web host answered ${response.status} without a result.`,
    })
  }
  if (!body.ok) {
    const hint =
      response.status === 403
        ? 'Open Focal again from the URL the web host printed: it carries the access token, which a reload of the page drops.'
        : undefined
    throw new FocalFailure(hint && !body.error.hint ? { ...body.error, hint } : body.error)
  }
  return body.value
}

/** Creates the web transport; `token` defaults to the one in the page URL. */
export function createWebTransport(token: string | null = takeTokenFromLocation()): FocalTransport {
  const headers = { 'x-focal-token': token ?? '' }

  const call = async (channel: Channel, request: unknown): Promise<unknown> => {
    const response = await fetchOrFail(`/api/${channel}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    })
    const meta = response.headers.get(META_HEADER)
    if (channel === 'pivot:run' && response.ok && meta !== null) {
      // Arrow bytes stay binary end to end; the small meta rides in a header.
      return {
        meta: JSON.parse(decodeURIComponent(meta)) as PivotMeta,
        arrow: new Uint8Array(await response.arrayBuffer()),
      }
    }
    return unwrap(response)
  }
  const api = Object.fromEntries(
    (Object.keys(CHANNELS) as Channel[]).map((channel) => [
      channel,
      (request: unknown) => call(channel, request),
    ]),
  ) as unknown as FocalApi

  let source: EventSource | null = null
  const subscribe = <E extends EventName>(
    event: E,
    listener: (payload: EventOf<E>) => void,
  ): (() => void) => {
    // One stream for all events; EventSource reconnects by itself if the host restarts.
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`)
    const handler = (message: MessageEvent<string>): void =>
      listener(JSON.parse(message.data) as EventOf<E>)
    source.addEventListener(event, handler)
    return () => source?.removeEventListener(event, handler)
  }

  const pickAndStageFiles = async (files: File[]): Promise<StagedFile[]> => {
    const staged: StagedFile[] = []
    for (const file of files) {
      // The body is the File itself, so the browser streams it from disk instead of loading it in memory.
      const response = await fetchOrFail(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        body: file,
      })
      staged.push(await unwrap<StagedFile>(response))
    }
    return staged
  }

  const exportReport: FocalTransport['exportReport'] = (request) => api['report:export'](request)
  // A plain link, so the browser streams the file to disk; the token rides in the query as for events.
  const reportFileUrl = (jobId: string, name: string): string =>
    `/api/report-file?${new URLSearchParams({ job: jobId, name, token: token ?? '' }).toString()}`
  const reportZipUrl = (jobId: string): string =>
    `/api/report-zip?${new URLSearchParams({ job: jobId, token: token ?? '' }).toString()}`

  // A browser page has no folder dialog that gives the host a path: the person types it.
  const sourceInFolder = async (key: RowKey, folder: string): Promise<RowSource> =>
    unwrap<RowSource>(
      await fetchOrFail('/api/source-folder', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ key, folder }),
      }),
    )
  return {
    ...api,
    subscribe,
    pickAndStageFiles,
    exportReport,
    reportFileUrl,
    reportZipUrl,
    // The page's files are downloads; there is no folder of the user's to open.
    openReportFolder: null,
    showWorkspaceInFolder: null,
    sourceFromFolder: null,
    sourceInFolder,
    // A browser page has no OS keychain of Focal's: passphrases are never remembered.
    keychain: null,
  }
}
