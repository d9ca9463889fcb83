/**
 * The engine's port handler over Node's own MessageChannel with the REAL core
 * services (real DuckDB, the public FOCUS 1.0 sample): the same contract as
 * main's IPC, validated again on the engine side, Results back, events pushed.
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { join } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../../../electron/core/services'
import type { FocalServices } from '../../../../electron/core/host'
import { createPortClient, type PortClient } from '../../../../electron/engine/port-client'
import {
  attachPort,
  attachUnavailable,
  transferablesOf,
} from '../../../../electron/engine/port-handler'
import type { EngineEvent } from '../../../../electron/engine/protocol'
import type { ImportJob, StagedFile, WorkspaceInfo } from '../../../../shared/contract'
import { sample, tempDir } from '../../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let services: FocalServices
let main: PortClient
let win: PortClient
const events: EngineEvent[] = []
const ports: MessagePort[] = []

function connect(privileged: boolean, onEvent?: (event: EngineEvent) => void): PortClient {
  const { port1, port2 } = new MessageChannel()
  ports.push(port1, port2)
  attachPort(port2, services, { privileged })
  return createPortClient(port1, onEvent)
}

beforeAll(async () => {
  const dir = tempDir('focal-engine-')
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: SAMPLE,
    host: 'electron',
    version: '0.1.0-test',
  })
  main = connect(true)
  win = connect(false, (event) => events.push(event))
})

afterAll(async () => {
  main.close()
  win.close()
  for (const port of ports) port.close()
  await services.close()
})

describe('engine port handler', () => {
  it('answers a contract request with a Result', async () => {
    expect(await win.call('app:info', {})).toEqual({
      ok: true,
      value: { version: '0.1.0-test', host: 'electron', sampleAvailable: true, workspace: null },
    })
  })

  it('validates every message as main does: unknown channel, extra field, bad token', async () => {
    for (const [channel, body] of [
      ['shell:exec', {}],
      ['workspace:open', { name: 'x', path: '/etc' }],
      ['import:start', { files: ['/etc/passwd'] }],
      ['workspace:create', { name: '../../escape' }],
    ] as const) {
      const result = await win.call(channel, body)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    }
  })

  it('refuses host:stageFile on a window port: only main may name a path (exploit)', async () => {
    const result = await win.call('host:stageFile', { path: SAMPLE, name: 'focus_sample.csv' })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('refuses host:rowSource on a window port: only main may hand over a folder (exploit)', async () => {
    const key = { importId: 1, sourceRow: 1 }
    const result = await win.call('host:rowSource', { key, folder: tempDir() })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Only the main process may choose a source folder.' },
    })
    const extra = await main.call('host:rowSource', { key, folder: tempDir(), path: '/etc' })
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('ignores envelopes without an id and keeps serving', async () => {
    const { port1, port2 } = new MessageChannel()
    ports.push(port1, port2)
    attachPort(port2, services, { privileged: false })
    port1.postMessage({ kind: 'request', channel: 'app:info' })
    port1.postMessage('garbage')
    const client = createPortClient(port1)
    expect((await client.call('workspace:info', {})).ok).toBe(true)
  })

  it('opens the sample, pushes workspace:changed to every port, and totals it over Arrow', async () => {
    const opened = await main.call('workspace:openSample', {})
    expect(opened.ok).toBe(true)
    expect((opened as { value: WorkspaceInfo }).value).toMatchObject({
      rowCount: 1000,
      scratch: true,
      currencies: ['USD'],
    })
    await expect
      .poll(() => events.some((e) => e.event === 'workspace:changed' && e.payload !== null))
      .toBe(true)

    const pivot = await win.call('pivot:run', {
      queryId: 'q1',
      spec: {
        rows: [],
        measure: 'BilledCost',
        timeGrain: 'none',
        dateRange: null,
        filters: [],
        topN: null,
      },
    })
    expect(pivot.ok).toBe(true)
    const { meta, arrow } = (
      pivot as { value: { meta: { columns: { name: string; role: string }[] }; arrow: Uint8Array } }
    ).value
    expect(arrow).toBeInstanceOf(Uint8Array)
    const table = tableFromIPC(arrow)
    const valueAt = meta.columns.findIndex((c) => c.role === 'value')
    const unitAt = meta.columns.findIndex((c) => c.role === 'unit')
    expect(table.numRows).toBe(1)
    expect(String(table.getChildAt(unitAt)?.get(0))).toBe('USD')
    expect(String(table.getChildAt(valueAt)?.get(0))).toBe('20.52022672899') // README: BilledCost=20.520227 (rounded)
  })

  it('imports a file main staged, by token only, with progress events on the window port', async () => {
    const staged = await main.call('host:stageFile', { path: SAMPLE, name: 'focus_sample.csv' })
    expect(staged.ok).toBe(true)
    const { token } = (staged as { value: StagedFile }).value
    expect(JSON.stringify(staged)).not.toContain('/')

    await main.call('workspace:create', { name: 'Port test' })
    const started = await win.call('import:start', { files: [token] })
    expect(started.ok).toBe(true)
    const { jobId } = (started as { value: { jobId: string } }).value
    let job: ImportJob | undefined
    await expect
      .poll(
        async () => {
          job = ((await win.call('import:status', { jobId })) as { value: ImportJob }).value
          return job.state
        },
        { timeout: 30_000 },
      )
      .toBe('done')
    expect(job?.results[0]?.record?.status).toBe('imported')
    expect(events.some((e) => e.event === 'import:progress')).toBe(true)
  })
})

describe('transferablesOf', () => {
  it('moves an Arrow payload that owns its buffer, copies a view into a shared one', () => {
    const own = new Uint8Array(8)
    expect(transferablesOf({ ok: true, value: { arrow: own } })).toEqual([own.buffer])
    const pooled = Buffer.from('abc') // a view into Node's shared pool
    expect(transferablesOf({ ok: true, value: { arrow: pooled } })).toEqual([])
    expect(transferablesOf({ ok: false, error: { code: 'INTERNAL', message: 'x' } })).toEqual([])
  })
})

describe('attachUnavailable', () => {
  it("answers host:rowSource on main's port with the line from the folder main chose", async () => {
    const folder = tempDir()
    copyFileSync(SAMPLE, join(folder, 'chosen.csv'))
    const result = await main.call('host:rowSource', { key: { importId: 1, sourceRow: 5 }, folder })
    const line = readFileSync(SAMPLE, 'utf8').split(/\r?\n/)[5]
    expect(result).toMatchObject({ ok: true, value: { found: true, line } })
  })

  it('answers every request with the start-up error', async () => {
    const { port1, port2 } = new MessageChannel()
    attachUnavailable(port2, new Error('DuckDB failed to load'))
    const client = createPortClient(port1)
    expect(await client.call('app:info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'DuckDB failed to load' },
    })
    port1.close()
  })
})
