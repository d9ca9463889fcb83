/**
 * The whole desktop call path except Electron itself, with the real pieces
 * at every step: renderer transport → preload bridge → main's IPC router
 * (sender check + contract validation) → main's privileged engine port →
 * engine port handler → real core services on DuckDB. Pivot results take the
 * window's own port, as in the app. Only the two Electron primitives are
 * stood in for: `ipcRenderer.invoke` (a direct call into the router with the
 * sender Electron would report) and `webUtils.getPathForFile`.
 */
import { readdirSync, realpathSync } from 'node:fs'
import { MessageChannel } from 'node:worker_threads'
import { join } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../../electron/core/services'
import type { FocalServices } from '../../../electron/core/host'
import { createPortClient, type PortClient } from '../../../electron/engine/port-client'
import { attachPort } from '../../../electron/engine/port-handler'
import { EXPORT_REPORT_CHANNEL, STAGE_FILE_CHANNEL } from '../../../electron/engine/protocol'
import { createIpcRouter, type SenderInfo } from '../../../electron/main/ipc-policy'
import { PackFolderWatcher, exportToChosenFolder } from '../../../electron/main/report-folder'
import { stagePaths } from '../../../electron/main/staging'
import { buildBridge } from '../../../electron/preload/bridge'
import {
  createElectronTransport,
  type ElectronTransport,
} from '../../../renderer/src/api/electron-transport'
import {
  FocalFailure,
  type ReportJob,
  type Result,
  type StagedFile,
  type WorkspaceInfo,
} from '../../../shared/contract'
import type { PickedFile } from '../../../shared/contract/bridge'
import { sample, tempDir } from '../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const WINDOW_ID = 1

let services: FocalServices
let mainPort: PortClient
let windowPort: PortClient
let transport: ElectronTransport
let sender: SenderInfo = {
  frameUrl: 'app://focal/index.html',
  isMainFrame: true,
  webContentsId: WINDOW_ID,
}
const changes: Array<WorkspaceInfo | null> = []
// The folder dialog's answer (null: cancelled) and the folders main "opened".
let chosenFolder: string | null = null
const opened: string[] = []

function port(privileged: boolean, onEvent?: Parameters<typeof createPortClient>[1]): PortClient {
  const { port1, port2 } = new MessageChannel()
  attachPort(port2, services, { privileged })
  return createPortClient(port1, onEvent)
}

beforeAll(async () => {
  const dir = tempDir('focal-stack-')
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: SAMPLE,
    host: 'electron',
    version: '0.1.0-stack',
  })
  const watcher = new PackFolderWatcher((folder) => opened.push(folder))
  mainPort = port(true, (e) => {
    if (e.event === 'report:progress') watcher.onProgress(e.payload as ReportJob)
  })
  const folderExport = {
    choose: async () => chosenFolder,
    start: (request: unknown, folder: string) =>
      mainPort.call(EXPORT_REPORT_CHANNEL, { request, folder }) as Promise<
        Result<{ jobId: string }>
      >,
    watcher,
  }
  const stage = (path: string, name: string) =>
    mainPort.call(STAGE_FILE_CHANNEL, { path, name }) as Promise<Result<StagedFile>>
  const route = createIpcRouter(
    { devServerUrl: null, isOurWindow: (id) => id === WINDOW_ID },
    {
      forward: (channel, request) => mainPort.call(channel, request),
      openFiles: async () => ({ ok: true, value: [] }),
      stageDropped: (paths) => stagePaths(paths, stage),
      exportReport: (id, request) => exportToChosenFolder(folderExport, id, request),
      showInSource: async () => ({ ok: true, value: null }),
      openReportFolder: async (jobId) =>
        watcher.folderOf(jobId) === null
          ? { ok: false, error: { code: 'NOT_FOUND', message: 'not written here' } }
          : { ok: true, value: true },
      showWorkspaceInFolder: async () => ({ ok: true, value: true }),
      keychain: async () => ({ ok: true, value: null }),
    },
  )
  const built = buildBridge({
    invoke: (channel, body) => route(channel, sender, body),
    callEngine: (channel, body) => windowPort.call(channel, body),
    pathForFile: (file) => (file as PickedFile & { path?: string }).path ?? '',
  })
  windowPort = port(false, built.dispatchEvent)
  transport = createElectronTransport(built.bridge)
})

afterAll(async () => {
  mainPort.close()
  windowPort.close()
  await services.close()
})

describe('desktop stack', () => {
  it('opens the sample and reports its total through every layer', async () => {
    transport.subscribe('workspace:changed', (info) => changes.push(info))
    const info = await transport['workspace:openSample']({})
    expect(info).toMatchObject({ rowCount: 1000, currencies: ['USD'], scratch: true })
    const loaded = await transport['loaded:summary']({})
    expect(loaded.reduce((rows, line) => rows + line.rows, 0)).toBe(1000)
    await expect.poll(() => changes.some((c) => c?.rowCount === 1000)).toBe(true)

    const { meta, arrow } = await transport['pivot:run']({
      queryId: 'total',
      spec: {
        rows: [],
        measure: 'BilledCost',
        timeGrain: 'none',
        dateRange: null,
        filters: [],
        topN: null,
      },
    })
    const table = tableFromIPC(arrow)
    const value = table.getChildAt(meta.columns.findIndex((c) => c.role === 'value'))
    expect(String(value?.get(0))).toBe('20.52022672899')
  })

  it('imports a dropped file by token and refuses a forged one', async () => {
    await transport['workspace:create']({ name: 'Stack' })
    const dropped = Object.assign({ name: 'focus_sample.csv', size: 1 }, { path: SAMPLE })
    const [staged] = await transport.pickAndStageFiles([dropped as unknown as File])
    expect(staged?.name).toBe('focus_sample.csv')
    const { jobId } = await transport['import:start']({ files: [staged!.token] })
    await expect
      .poll(async () => (await transport['import:status']({ jobId })).state, { timeout: 30_000 })
      .toBe('done')
    expect((await transport['imports:list']({}))[0]).toMatchObject({
      fileName: 'focus_sample.csv',
      status: 'imported',
    })

    await expect(
      transport.pickAndStageFiles([{ name: 'made-up.csv', size: 1 } as unknown as File]),
    ).rejects.toThrow(FocalFailure)
    await expect(transport['import:start']({ files: [SAMPLE] })).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('exports a pack into the folder the dialog chose and opens it when done', async () => {
    await transport['workspace:openSample']({})
    const request = {
      kind: 'showback' as const,
      period: '2024-09',
      metric: 'EffectiveCost' as const,
      source: { by: 'SubAccountName' },
      formats: ['csv' as const],
    }
    chosenFolder = null
    expect(await transport.exportReport(request)).toBeNull()
    chosenFolder = tempDir('focal-pack-')
    const started = await transport.exportReport(request)
    expect(started?.jobId).toBeTruthy()
    await expect.poll(() => opened, { timeout: 30_000 }).toEqual([realpathSync(chosenFolder)])
    const job = await transport['report:status']({ jobId: started?.jobId ?? '' })
    expect(job).toMatchObject({ state: 'done', delivery: 'folder' })
    expect(readdirSync(chosenFolder)).toContain('showback-2024-09-summary.csv')
    // "Open folder" names the job, never a path; a job main did not write is refused.
    expect(await transport.openReportFolder?.(started?.jobId ?? '')).toBe(true)
    await expect(transport.openReportFolder?.('someone-else')).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    // A window's own port may not pick the folder itself.
    expect(
      (await windowPort.call(EXPORT_REPORT_CHANNEL, { request, folder: chosenFolder })).ok,
    ).toBe(false)
  })

  it('throws FocalFailure for a refused sender, never reaching the engine', async () => {
    sender = { ...sender, frameUrl: 'https://attacker.example/' }
    try {
      await expect(transport['workspace:list']({})).rejects.toMatchObject({
        error: { code: 'BAD_REQUEST' },
      })
    } finally {
      sender = { ...sender, frameUrl: 'app://focal/index.html' }
    }
  })
})
