// Finds the Chromium the end-to-end tests drive (DESIGN.md, Settled details):
// Playwright's own browser if installed, else CHROMIUM_PATH, else chromium on PATH.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** The Chromium executable path, or null when none is installed. */
export function findChromium() {
  try {
    const own = execFileSync(
      process.execPath,
      ['-e', "console.log(require('playwright-core').chromium.executablePath())"],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ).trim()
    if (own && existsSync(own)) return own
  } catch {
    // playwright-core absent or no browser downloaded: fall through
  }
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
      if (path) return path
    } catch {
      // not on PATH
    }
  }
  return null
}
