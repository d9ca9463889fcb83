/** Starts a real web host (real services, real DuckDB) on a free port, for the web host tests. */
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { createServices } from '../../../electron/core/services'
import { startWebHost, type WebHost } from '../../../electron/webhost/server'
import { ROOT, tempDir } from '../../helpers/paths'

/** The token every test host uses. */
export const TOKEN = 'test-token-0123456789'

/** A host over fresh data and a tiny static folder (the tests do not depend on a build). */
export async function startTestHost(
  options: { uploadLimitBytes?: number } = {},
): Promise<WebHost & { staticDir: string }> {
  const data = tempDir('focal-webhost-')
  const staticDir = join(data, 'static')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Focal</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(data, 'secret.txt'), 'outside the static folder')
  const services = await createServices({
    workspacesDir: join(data, 'workspaces'),
    scratchDir: join(data, 'scratch'),
    sampleFile: join(ROOT, 'resources', 'demo', 'focus-sample.csv'),
    host: 'web',
    version: '0.0.0-test',
    examplesDir: join(ROOT, 'resources', 'examples'),
    reportsDir: join(data, 'reports'),
  })
  const host = await startWebHost({ services, staticDir, port: 0, token: TOKEN, ...options })
  return { ...host, staticDir }
}

/** POSTs a channel request with the token; returns status and parsed JSON. */
export async function call(
  host: WebHost,
  channel: string,
  body: unknown = {},
): Promise<{
  status: number
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'x-focal-token': TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as never }
}

/** A raw HTTP request, for what fetch will not send (a forged Host, an un-normalized path). */
export function raw(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        )
      },
    )
    request.on('error', reject)
    request.end()
  })
}

/** Resolves with the first http:// URL a child process prints (the web host's one line). */
export function waitForUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`No URL within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output)?.[0]
      if (!url) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      resolve(url)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) =>
      reject(new Error(`Exited (${code}) before printing a URL:\n${output}`)),
    )
  })
}

/** Resolves with a child's exit code and signal once it has exited. */
export function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}
