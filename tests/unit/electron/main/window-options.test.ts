import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../../../electron/main/window-options'

describe('windowOptions', () => {
  const prefs =
    windowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false }).webPreferences ??
    {}

  it('isolates and sandboxes the renderer with no Node (checklist #2, #3, #4)', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and insecure content, experiments and webviews off (#6, #8, #9, #10, #11)', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.spellcheck).toBe(false)
  })

  it('loads the CommonJS preload and passes the DevTools switch through', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.devTools).toBe(false)
    expect(windowOptions({ preloadPath: 'x', devTools: true }).webPreferences?.devTools).toBe(true)
  })
})
