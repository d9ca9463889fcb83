/**
 * `npm start` on a machine without Electron's binary runs scripts/start.mjs,
 * which starts the web host. However it is stopped (a signal to it, Ctrl+C to
 * the terminal's process group, a kill of npm, or a kill -9 of the script),
 * the web host stops too, closes its workspace cleanly and frees its port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../../helpers/paths'
import { exited, waitForUrl } from './support'

const started: ChildProcess[] = []

afterEach(() => {
  // Whatever a failed test left running: each launcher was started in its own process group.
  for (const child of started.splice(0))
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Process ids whose parent is `pid` (Linux and macOS `ps`). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([, parent]) => parent === pid)
      .map(([child]) => child!)
  } catch {
    return []
  }
}

async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return check()
}

/**
 * Starts `command` in its own process group with a port and data folder, waits
 * for the URL, opens a workspace, and finds the web host's process.
 */
async function launch(
  command: string,
  args: string[],
): Promise<{ launcher: ChildProcess; host: number; port: number; scratch: string }> {
  const port = await freePort()
  const data = tempDir('focal-start-')
  const launcher = spawn(command, [...args, '--port', String(port), '--data-dir', data], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(launcher)
  const url = new URL(await waitForUrl(launcher))
  expect(Number(url.port)).toBe(port)
  // The sample opens as a scratch workspace, which only a clean close deletes.
  const opened = await fetch(`http://127.0.0.1:${port}/api/workspace:openSample`, {
    method: 'POST',
    headers: { 'x-focal-token': url.searchParams.get('token') ?? '' },
  })
  expect(opened.status).toBe(200)
  const scratch = join(data, 'scratch')
  expect(readdirSync(scratch).filter((f) => f.endsWith('.focal'))).toHaveLength(1)
  // The web host is the node process at the bottom of the launcher's tree.
  let host = launcher.pid!
  for (let below = childrenOf(host); below.length > 0; below = childrenOf(host)) host = below[0]!
  expect(host).not.toBe(launcher.pid)
  return { launcher, host, port, scratch }
}

/** The web host is gone, its port closed, and it closed cleanly (its scratch workspace deleted). */
async function expectStopped(host: number, port: number, scratch: string): Promise<void> {
  expect(await until(() => !alive(host))).toBe(true)
  expect(await portOpen(port)).toBe(false)
  expect(readdirSync(scratch)).toEqual([])
}

const START = [join(ROOT, 'scripts', 'start.mjs')]

describe('scripts/start.mjs (web host path)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops the web host when the script gets %s',
    async (signal) => {
      const { launcher, host, port, scratch } = await launch(process.execPath, START)
      launcher.kill(signal)
      expect(await exited(launcher)).toEqual({ code: 0, signal: null })
      await expectStopped(host, port, scratch)
    },
  )

  it('stops cleanly on Ctrl+C, which reaches every process of the group at once', async () => {
    const { launcher, host, port, scratch } = await launch(process.execPath, START)
    process.kill(-launcher.pid!, 'SIGINT')
    expect(await exited(launcher)).toEqual({ code: 0, signal: null })
    await expectStopped(host, port, scratch)
  })

  it('stops the web host when the script itself is killed outright', async () => {
    const { launcher, host, port, scratch } = await launch(process.execPath, START)
    launcher.kill('SIGKILL')
    await exited(launcher)
    await expectStopped(host, port, scratch)
  })

  it('stops everything when npm start is killed', async () => {
    const { launcher, host, port, scratch } = await launch('npm', ['start', '--silent', '--'])
    const script = childrenOf(launcher.pid!)
    launcher.kill('SIGTERM')
    await exited(launcher)
    await expectStopped(host, port, scratch)
    // Nothing of the tree survives: not the shell npm ran, not the script.
    for (const pid of script)
      expect(await until(() => childrenOf(pid).length === 0 && !alive(pid))).toBe(true)
  })
})
