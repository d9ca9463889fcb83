/**
 * The options of every Focal window, as one pure function so a test can pin
 * each security setting (Electron security checklist #2, #3, #4, #6, #8, #9,
 * #10, #11).
 */
import type { BrowserWindowConstructorOptions } from 'electron'

/** What varies between builds: where the preload is, whether DevTools may open. */
export interface WindowOptionsInput {
  /** Absolute path of the built preload, `out/preload/index.cjs`. */
  preloadPath: string
  /** DevTools only in development builds. */
  devTools: boolean
}

/** BrowserWindow options with every renderer hardening switch set explicitly. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Focal',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true, // #3
      sandbox: true, // #4
      nodeIntegration: false, // #2
      nodeIntegrationInWorker: false, // #2
      nodeIntegrationInSubFrames: false, // #2
      webSecurity: true, // #6
      allowRunningInsecureContent: false, // #8
      experimentalFeatures: false, // #9
      // #10: enableBlinkFeatures is left unset on purpose.
      webviewTag: false, // #11, #12: no <webview> at all
      navigateOnDragDrop: false, // a dropped file must not replace the app (#13)
      spellcheck: false, // no dictionary downloads: the app makes no network requests
      safeDialogs: true,
      devTools: input.devTools,
    },
  }
}
