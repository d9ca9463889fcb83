/**
 * Which Chromium the browser tests drive (DESIGN.md, Chromium for tests):
 * Playwright's own download if present, else CHROMIUM_PATH, else the
 * system's chromium (Debian's apt package installs /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Flags for a quiet, offline, container-friendly headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function onPath(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** The Chromium executable to use; throws one sentence saying how to install one when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const own = (() => {
    try {
      return chromium.executablePath()
    } catch {
      return null
    }
  })()
  const candidates = [
    own,
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    onPath('chromium'),
    onPath('chromium-browser'),
  ]
  const found = candidates.find(
    (path): path is string => Boolean(path) && existsSync(path as string),
  )
  if (!found) {
    throw new Error(
      'No Chromium was found for the browser tests: install one with `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
  }
  return found
}
