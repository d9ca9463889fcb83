/**
 * The preload: exposes `window.focal` (built by bridge.ts) and nothing else
 * (Electron security checklist #3, #20). It runs sandboxed, so it is bundled
 * as CommonJS with no npm imports left (electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { Result } from '../../shared/contract'
import { HOST_CHANNELS } from '../../shared/contract/bridge'
import { createPortClient, type PortClient } from '../engine/port-client'
import { buildBridge } from './bridge'
import { fromDomPort } from './dom-port'

// Until main has sent this window's engine port, port channels go through
// main instead (it validates and forwards them too), so nothing waits on it.
let engine: PortClient | null = null

const { bridge, dispatchEvent } = buildBridge({
  invoke: (channel, body) => ipcRenderer.invoke(channel, body),
  callEngine: (channel, body) =>
    engine
      ? engine.call(channel, body)
      : (ipcRenderer.invoke(channel, body) as Promise<Result<unknown>>),
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as File)
    } catch {
      return ''
    }
  },
})

// Only main sends on ipcRenderer channels, so the port comes from main.
ipcRenderer.on(HOST_CHANNELS.enginePort, (event) => {
  const [port] = event.ports
  if (!port) return
  engine?.close()
  engine = createPortClient(fromDomPort(port), dispatchEvent)
})
ipcRenderer.send(HOST_CHANNELS.connectEngine)

contextBridge.exposeInMainWorld('focal', bridge)
