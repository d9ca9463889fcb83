/**
 * The preload's bridge, built with a recording `invoke` in place of
 * ipcRenderer (Electron cannot run here, and this recorder is the only fake
 * the bridge needs): exactly one named function per contract channel, events
 * limited to the contract's, and no generic surface.
 */
import { describe, expect, it } from 'vitest'
import { buildBridge, type BridgeDeps } from '../../../../electron/preload/bridge'
import { CHANNELS, EVENTS } from '../../../../shared/contract'
import {
  CHANNEL_NAMES,
  PORT_CHANNELS,
  methodOf,
  type PickedFile,
} from '../../../../shared/contract/bridge'

function recorder(paths: Record<string, string> = {}) {
  const invoked: Array<[string, unknown]> = []
  const viaPort: Array<[string, unknown]> = []
  const deps: BridgeDeps = {
    invoke: async (channel, body) => {
      invoked.push([channel, body])
      return { ok: true, value: channel }
    },
    callEngine: async (channel, body) => {
      viaPort.push([channel, body])
      return { ok: true, value: channel }
    },
    pathForFile: (file) => paths[file.name] ?? '',
  }
  return { ...buildBridge(deps), invoked, viaPort }
}

describe('preload bridge', () => {
  it('exposes exactly one distinct named function per channel plus the six host functions', () => {
    const { bridge } = recorder()
    const names = CHANNEL_NAMES.map(methodOf)
    expect(new Set(names).size).toBe(Object.keys(CHANNELS).length)
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...names,
        'onEvent',
        'openFilesDialog',
        'stageDroppedFiles',
        'exportReportToFolder',
        'showInSourceFromFolder',
        'openReportFolder',
        'showWorkspaceInFolder',
        'keychainStatus',
        'keychainOpenSealed',
        'keychainForget',
      ].sort(),
    )
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
    expect(names).toContain('workspaceOpen')
    expect(names).toContain('workspaceOpenSample')
  })

  it('exposes no generic invoke, send or ipcRenderer', () => {
    const { bridge } = recorder()
    for (const name of ['invoke', 'send', 'ipcRenderer', 'on', 'request', 'call']) {
      expect(bridge).not.toHaveProperty(name)
    }
  })

  it('sends each function to its own channel, port channels over the engine port', async () => {
    const { bridge, invoked, viaPort } = recorder()
    const methods = bridge as unknown as Record<string, (body: unknown) => Promise<unknown>>
    for (const channel of CHANNEL_NAMES) {
      expect(await methods[methodOf(channel)]?.({ probe: channel })).toEqual({
        ok: true,
        value: channel,
      })
    }
    expect(viaPort.map(([c]) => c)).toEqual([...PORT_CHANNELS])
    expect(invoked.map(([c]) => c)).toEqual(CHANNEL_NAMES.filter((c) => !PORT_CHANNELS.includes(c)))
    expect(invoked[0]).toEqual(['app:info', { probe: 'app:info' }])
  })

  it('turns a rejected invoke into an error Result', async () => {
    const { bridge } = buildBridge({
      invoke: async () => {
        throw new Error('No handler registered')
      },
      callEngine: async () => ({ ok: true, value: null }),
      pathForFile: () => '',
    })
    expect(await bridge.workspaceList({})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'No handler registered' },
    })
  })

  it('limits onEvent to contract events and delivers engine events to listeners', () => {
    const { bridge, dispatchEvent } = recorder()
    expect(() => bridge.onEvent('shell:open' as never, () => undefined)).toThrow(TypeError)
    expect(() => bridge.onEvent('workspace:changed', 'nope' as never)).toThrow(TypeError)
    const seen: unknown[] = []
    const off = bridge.onEvent('workspace:changed', (payload) => seen.push(payload))
    dispatchEvent({ kind: 'event', event: 'workspace:changed', payload: null })
    dispatchEvent({ kind: 'event', event: 'import:progress', payload: { jobId: 'x' } })
    off()
    dispatchEvent({ kind: 'event', event: 'workspace:changed', payload: 'after' })
    expect(seen).toEqual([null])
    expect(Object.keys(EVENTS)).toEqual(['import:progress', 'workspace:changed', 'report:progress'])
  })

  it('stages dropped files by the paths webUtils gives, never letting the page name a path', async () => {
    const { bridge, invoked } = recorder({ 'a.csv': '/home/me/a.csv' })
    const files: PickedFile[] = [{ name: 'a.csv', size: 3 }]
    await bridge.stageDroppedFiles(files)
    expect(invoked).toEqual([['files:stageDropped', { paths: ['/home/me/a.csv'] }]])
  })

  it('refuses files that are not on disk (a page-made File has no path)', async () => {
    const { bridge, invoked } = recorder({ 'a.csv': '/home/me/a.csv' })
    const result = await bridge.stageDroppedFiles([
      { name: 'a.csv', size: 3 },
      { name: 'forged.csv', size: 1 },
    ])
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Not a file on this computer: forged.csv.' },
    })
    expect((await bridge.stageDroppedFiles([])).ok).toBe(false)
    expect(invoked).toEqual([])
  })

  it('opens the dialog through its own channel', async () => {
    const { bridge, invoked } = recorder()
    await bridge.openFilesDialog()
    expect(invoked).toEqual([['files:open', {}]])
  })

  it('asks main for a report folder through its own channel, passing no path', async () => {
    const { bridge, invoked } = recorder()
    const request = {
      kind: 'chargeback' as const,
      period: '2024-09',
      metric: 'BilledCost' as const,
      source: { rules: 'saved' as const },
      formats: ['pdf' as const],
    }
    await bridge.exportReportToFolder(request)
    expect(invoked).toEqual([['report:exportToFolder', request]])
  })

  it('asks main to open a pack folder by its job only', async () => {
    const { bridge, invoked } = recorder()
    await bridge.openReportFolder('job-1')
    expect(invoked).toEqual([['report:openFolder', { jobId: 'job-1' }]])
  })

  it('asks main to show a workspace in its folder by its name only', async () => {
    const { bridge, invoked } = recorder()
    await bridge.showWorkspaceInFolder('Client 2025')
    expect(invoked).toEqual([['workspace:showInFolder', { name: 'Client 2025' }]])
  })

  it('asks main about the keychain by sealed file names only', async () => {
    const { bridge, invoked } = recorder()
    await bridge.keychainStatus(['client'])
    await bridge.keychainOpenSealed({ name: 'client', remember: false })
    await bridge.keychainForget('client')
    expect(invoked).toEqual([
      ['keychain:status', { names: ['client'] }],
      ['keychain:openSealed', { name: 'client', remember: false }],
      ['keychain:forget', { name: 'client' }],
    ])
  })
})
