import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import {
  denyPermissions,
  guardContents,
  mayNavigate,
  permissionDecision,
  windowOpenDecision,
  type GuardedContents,
  type GuardedSession,
} from '../../../../electron/main/navigation'

const packaged = { devServerUrl: null }
const dev = { devServerUrl: 'http://localhost:5173/' }

/** A plain stand-in for a WebContents: Node's EventEmitter plus the one setter the guards call. */
function contents() {
  const emitter = new EventEmitter()
  let openHandler: (() => { action: string }) | null = null
  const target = Object.assign(emitter, {
    setWindowOpenHandler: (handler: () => { action: 'deny' }) => void (openHandler = handler),
  }) as unknown as GuardedContents & EventEmitter
  return { target, openHandler: () => openHandler }
}

const navigate = (target: EventEmitter, event: string, url: string) => {
  const preventDefault = vi.fn()
  target.emit(event, { preventDefault }, url)
  return preventDefault.mock.calls.length > 0
}

describe('navigation guards (checklist #12, #13, #14)', () => {
  it('allows only the app origin', () => {
    expect(mayNavigate('app://focal/index.html#/explore', packaged)).toBe(true)
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://focal.evil.com/index.html',
      'app://evil/index.html',
      'app://user:pw@focal/index.html',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(mayNavigate(url, packaged), url).toBe(false)
    }
  })

  it('allows the loopback dev server in development only', () => {
    expect(mayNavigate('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(mayNavigate('http://localhost:5174/', dev)).toBe(false)
    expect(
      mayNavigate('http://evil.example:5173/', { devServerUrl: 'http://evil.example:5173/' }),
    ).toBe(false)
  })

  it('cancels will-navigate and will-redirect away from the app, and every webview', () => {
    const { target, openHandler } = contents()
    guardContents(target, packaged)
    expect(navigate(target, 'will-navigate', 'https://attacker.example/')).toBe(true)
    expect(navigate(target, 'will-redirect', 'https://attacker.example/')).toBe(true)
    expect(navigate(target, 'will-navigate', 'app://focal/index.html')).toBe(false)
    expect(navigate(target, 'will-attach-webview', 'app://focal/index.html')).toBe(true)
    expect(openHandler()?.()).toEqual({ action: 'deny' })
  })

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' })
  })
})

describe('permission guards (checklist #5)', () => {
  it('denies every permission request, check and device', () => {
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      expect(permissionDecision(permission)).toBe(false)
    }
    const handlers: Record<string, (...args: unknown[]) => unknown> = {}
    const session: GuardedSession = {
      setPermissionRequestHandler: (h) => void (handlers.request = h as never),
      setPermissionCheckHandler: (h) => void (handlers.check = h as never),
      setDevicePermissionHandler: (h) => void (handlers.device = h as never),
    }
    denyPermissions(session)
    const callback = vi.fn()
    handlers.request?.(null, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(handlers.check?.(null, 'clipboard-read')).toBe(false)
    expect(handlers.device?.()).toBe(false)
  })
})
