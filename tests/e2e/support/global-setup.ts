/**
 * Starts the real web host from the build (out/webhost/index.js) with a fresh
 * data folder, and stops it afterwards: the tests exercise the product as
 * shipped, real DuckDB included, not a dev server or a stub.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../helpers/paths'
import { E2E_PORT, E2E_TOKEN } from './host'

const STARTUP_TIMEOUT_MS = 30_000

/** Playwright global setup: returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const entry = join(ROOT, 'out', 'webhost', 'index.js')
  if (!existsSync(entry) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The browser tests run against the build: run `npm run build` first.')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-'))
  const host = spawn(
    process.execPath,
    [entry, '--port', String(E2E_PORT), '--token', E2E_TOKEN, '--data-dir', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  host.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    process.stderr.write(chunk)
  })

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`The web host did not print its URL within ${STARTUP_TIMEOUT_MS / 1000} s.`),
        ),
      STARTUP_TIMEOUT_MS,
    )
    host.stdout.once('data', (chunk: Buffer) => {
      clearTimeout(timer)
      const line = chunk.toString().trim()
      if (line.startsWith(`http://127.0.0.1:${E2E_PORT}/?token=`)) resolve()
      else reject(new Error(`The web host printed an unexpected line: ${line}`))
    })
    host.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `The web host exited with code ${code}: ${stderr.trim() || 'no message'} (is port ${E2E_PORT} taken? set FOCAL_E2E_PORT)`,
        ),
      )
    })
  })

  return async () => {
    // SIGTERM lets the host close its services, so the workspace is checkpointed before the folder goes.
    const running = host.exitCode === null && host.signalCode === null
    const exited = running
      ? new Promise((resolve) => host.once('exit', resolve))
      : Promise.resolve()
    host.kill('SIGTERM')
    const stuck = setTimeout(() => host.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(stuck)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
