/**
 * Starts the engine utility process and brokers its ports (DESIGN.md,
 * Processes): main keeps one privileged port for forwarded IPC and staging;
 * each window gets its own port so Arrow results go engine → window without
 * passing through main. The engine validates every message on every port.
 */
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron'
import type {
  Channel,
  ReportExportRequest,
  Result,
  RowKey,
  RowSource,
  StagedFile,
} from '../../shared/contract'
import { HOST_CHANNELS } from '../../shared/contract/bridge'
import { engineArgv, type EngineArgs } from '../engine/args'
import { fromMessagePortMain } from '../engine/port'
import { createPortClient, type PortClient } from '../engine/port-client'
import {
  EXPORT_REPORT_CHANNEL,
  ROW_SOURCE_CHANNEL,
  STAGE_FILE_CHANNEL,
  type ConnectMessage,
  type EngineEvent,
  type ShutdownMessage,
} from '../engine/protocol'

/** Main's handle on the running engine. */
export interface EngineClient {
  /** Forwards a validated contract request. */
  call(channel: Channel, request: unknown): Promise<Result<unknown>>
  /** Stages a path main has vetted. */
  stageFile(path: string, name: string): Promise<Result<StagedFile>>
  /** Exports a report pack into a folder main's dialog produced and main vetted. */
  exportReport(request: ReportExportRequest, folder: string): Promise<Result<{ jobId: string }>>
  /** "Show in source" in a folder main's own dialog produced (privileged port only). */
  rowSourceIn(key: RowKey, folder: string): Promise<Result<RowSource>>
  /** Listens to the engine's events on main's own port; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void
  /** Gives a window its own port to the engine (sent as `engine:port`). */
  connectWindow(contents: WebContents): void
  /** Asks the engine to checkpoint and exit; kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

function connect(child: UtilityProcess, role: ConnectMessage['role']) {
  const { port1, port2 } = new MessageChannelMain()
  const message: ConnectMessage = { kind: 'connect', role }
  child.postMessage(message, [port1])
  return port2
}

/** Forks `entry` (the built `out/main/engine.js`) and connects main's privileged port. */
export function startEngine(entry: string, args: EngineArgs): EngineClient {
  const child = utilityProcess.fork(entry, engineArgv(args), {
    serviceName: 'Focal engine',
    stdio: 'inherit',
  })
  let exited = false
  child.once('exit', (code) => {
    exited = true
    if (code !== 0) console.error(`Focal engine exited with code ${code}.`)
  })
  const listeners = new Set<(event: EngineEvent) => void>()
  const client: PortClient = createPortClient(fromMessagePortMain(connect(child, 'main')), (e) => {
    for (const listener of listeners) listener(e)
  })

  return {
    call: (channel, request) => client.call(channel, request),
    stageFile: (path, name) =>
      client.call(STAGE_FILE_CHANNEL, { path, name }) as Promise<Result<StagedFile>>,
    exportReport: (request, folder) =>
      client.call(EXPORT_REPORT_CHANNEL, { request, folder }) as Promise<Result<{ jobId: string }>>,
    rowSourceIn: (key, folder) =>
      client.call(ROW_SOURCE_CHANNEL, { key, folder }) as Promise<Result<RowSource>>,
    onEvent(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    connectWindow(contents) {
      // Without a port the preload sends every call through main instead.
      if (exited) return
      contents.postMessage(HOST_CHANNELS.enginePort, null, [connect(child, 'window')])
    },
    async stop(graceMs = 5000) {
      if (exited) return
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      const shutdown: ShutdownMessage = { kind: 'shutdown' }
      child.postMessage(shutdown)
      const timer = setTimeout(() => child.kill(), graceMs)
      await gone
      clearTimeout(timer)
      client.close()
    },
  }
}
