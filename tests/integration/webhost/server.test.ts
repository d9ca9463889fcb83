/** The web host answers the contract over HTTP: JSON Results, Arrow for pivots, uploads, events. */
import { readFileSync } from 'node:fs'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import type { WebHost } from '../../../electron/webhost/server'
import { sample } from '../../helpers/paths'
import { call, startTestHost, TOKEN } from './support'

let host: WebHost

beforeAll(async () => {
  host = await startTestHost()
})
afterAll(() => host.close())

describe('web host', () => {
  it('prints a loopback URL carrying its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('answers a channel with a Result, and a bad request with BAD_REQUEST, never HTML', async () => {
    const info = await call(host, 'app:info')
    expect(info.json).toMatchObject({
      ok: true,
      value: { host: 'web', sampleAvailable: true, workspace: null },
    })
    const unknown = await call(host, 'nope:never')
    expect(unknown.status).toBe(400)
    expect(unknown.json.error?.code).toBe('BAD_REQUEST')
    const invalid = await call(host, 'workspace:create', { name: '../escape' })
    expect(invalid.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    const noWorkspace = await call(host, 'loaded:summary')
    expect(noWorkspace.json).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
  })

  it('pushes events over SSE and returns pivots as Arrow with the meta in a header', async () => {
    const controller = new AbortController()
    const stream = await fetch(`http://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, {
      signal: controller.signal,
    })
    expect(stream.headers.get('content-type')).toContain('text/event-stream')
    const reader = stream.body!.getReader()
    const received: EventName[] = []
    const reading = (async () => {
      for (let text = ''; !text.includes('event: workspace:changed');) {
        const { value, done } = await reader.read()
        if (done) break
        text += new TextDecoder().decode(value)
        if (text.includes('event: workspace:changed')) received.push('workspace:changed')
      }
    })()
    expect((await call(host, 'workspace:openSample')).json.ok).toBe(true)
    await reading
    controller.abort()
    expect(received).toEqual(['workspace:changed'])

    const spec = {
      rows: [{ kind: 'column', name: 'ServiceName' }],
      measure: 'BilledCost',
      timeGrain: 'none',
      dateRange: null,
      filters: [],
      topN: 5,
    }
    const response = await fetch(`http://127.0.0.1:${host.port}/api/pivot:run`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: JSON.stringify({ spec, queryId: 'q1' }),
    })
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream')
    const meta = JSON.parse(decodeURIComponent(response.headers.get('x-focal-meta') ?? '')) as {
      rowCount: number
      currencies: string[]
    }
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()))
    expect(table.numRows).toBe(meta.rowCount)
    expect(meta.currencies).toEqual(['USD'])
  })

  it('stages an upload and imports it by token', async () => {
    const file = sample('focus-data-toolkit-golden/aws_1_2_cost_and_usage_rows100_seed42.csv')
    const upload = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=aws.csv`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: readFileSync(file),
    })
    const staged = (await upload.json()) as {
      ok: boolean
      value: { token: string; name: string; sizeBytes: number }
    }
    expect(staged.value).toMatchObject({ name: 'aws.csv', sizeBytes: readFileSync(file).length })
    const started = await call(host, 'import:start', { files: [staged.value.token] })
    const { jobId } = started.json.value as { jobId: string }
    let job: {
      state: string
      results: { record: { status: string; reconciled: boolean } | null }[]
    }
    do {
      await new Promise((resolve) => setTimeout(resolve, 100))
      job = (await call(host, 'import:status', { jobId })).json.value as typeof job
    } while (job.state === 'running')
    expect(job.results[0]?.record).toMatchObject({ status: 'imported', reconciled: true })
  })
})
