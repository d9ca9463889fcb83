/**
 * Guards every webContents and the session: no navigation away from the app
 * (Electron security checklist #13), no new windows (#14), no `<webview>`
 * (#12), every permission request denied (#5). The decisions are pure
 * functions; the install functions take the few methods they need, so tests
 * drive them with plain objects.
 */
import { isAppUrl, type Trust } from './app-origin'

/** An Electron event that can be cancelled. */
export interface Preventable {
  preventDefault(): void
}

/** The parts of a WebContents the guards attach to. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: Preventable, url: string) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
}

/** The parts of a Session the permission guards attach to. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
}

/** Whether a navigation or redirect to `url` may proceed: only to a page of ours. */
export function mayNavigate(url: string, trust: Trust): boolean {
  return isAppUrl(url, trust)
}

/** The window-open decision: always deny; Focal has one window and links nowhere (#14, #15). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' }
}

/** The permission decision: Focal needs no camera, notifications, clipboard-read, HID… (#5). */
export function permissionDecision(_permission: string): boolean {
  return false
}

/** Installs the navigation, window-open and webview guards on one webContents. */
export function guardContents(contents: GuardedContents, trust: Trust): void {
  const guard = (event: Preventable, url: string) => {
    if (!mayNavigate(url, trust)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenDecision)
}

/** Denies every permission request and check on a session. */
export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionDecision(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission))
  session.setDevicePermissionHandler(() => false)
}
