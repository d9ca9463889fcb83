/**
 * The BUILT engine bundle (`out/main/engine.js`, from `npm run build`) run the
 * way Electron runs it, minus Electron: in a worker thread whose
 * `process.parentPort` hands over ports, with the argv main passes. Proves the
 * bundle's imports resolve, DuckDB loads, roles are honoured and shutdown exits.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineArgv } from '../../../electron/engine/args'
import { createPortClient, type PortClient } from '../../../electron/engine/port-client'
import type { ConnectMessage } from '../../../electron/engine/protocol'
import { ROOT, sample, tempDir } from '../../helpers/paths'

const ENTRY = join(ROOT, 'out', 'main', 'engine.js')
const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let worker: Worker
let main: PortClient
let win: PortClient

function connect(role: ConnectMessage['role']): PortClient {
  const { port1, port2 } = new MessageChannel()
  const data: ConnectMessage = { kind: 'connect', role }
  worker.postMessage({ data, ports: [port2] }, [port2])
  return createPortClient(port1)
}

describe.skipIf(!existsSync(ENTRY))('built engine bundle', () => {
  beforeAll(() => {
    worker = new Worker(join(import.meta.dirname, 'support', 'utility-process-shim.mjs'), {
      workerData: { entry: ENTRY },
      argv: engineArgv({
        userData: tempDir('focal-built-engine-'),
        sample: SAMPLE,
        version: '9.9.9',
      }),
    })
    main = connect('main')
    win = connect('window')
  })

  afterAll(async () => {
    main?.close()
    win?.close()
    await worker?.terminate()
  })

  it('answers app:info with the version main passed', async () => {
    expect(await win.call('app:info', {})).toMatchObject({
      ok: true,
      value: { version: '9.9.9', host: 'electron', sampleAvailable: true },
    })
  })

  it('lets only the main port stage a path', async () => {
    const args = { path: SAMPLE, name: 'focus_sample.csv' }
    expect(await win.call('host:stageFile', args)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
    expect(await main.call('host:stageFile', args)).toMatchObject({
      ok: true,
      value: { name: 'focus_sample.csv' },
    })
  })

  it('opens the sample on real DuckDB', async () => {
    expect(await win.call('workspace:openSample', {})).toMatchObject({
      ok: true,
      value: { rowCount: 1000 },
    })
  })

  it('closes the workspace and exits when main asks it to shut down', async () => {
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
    worker.postMessage({ data: { kind: 'shutdown' }, ports: [] })
    expect(await exited).toBe(0)
  })
})
