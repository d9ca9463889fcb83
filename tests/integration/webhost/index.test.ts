/**
 * The built web host entry (out/webhost/index.js) as a person starts it:
 * --help and option mistakes, and staged uploads that do not outlive their run.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../../helpers/paths'
import { exited, TOKEN, waitForUrl } from './support'

const ENTRY = join(ROOT, 'out', 'webhost', 'index.js')
const run = promisify(execFile)
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

async function entry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ENTRY, ...args], { cwd: ROOT })
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** Starts the built host with its temp folder in `tmp`; resolves once it printed its URL. */
async function startHost(
  tmp: string,
  data: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [ENTRY, '--port', '0', '--token', TOKEN, '--data-dir', data],
    { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  children.push(child)
  const url = await waitForUrl(child)
  return { child, port: Number(new URL(url).port) }
}

/** Staging folders in `tmp`, each with the files staged in it. */
function staged(tmp: string): Record<string, string[]> {
  return Object.fromEntries(
    readdirSync(tmp)
      .filter((entry) => entry.startsWith('focal-uploads-'))
      .map((entry) => [
        entry,
        readdirSync(join(tmp, entry)).flatMap((folder) => readdirSync(join(tmp, entry, folder))),
      ]),
  )
}

describe('web host entry', () => {
  it('prints its usage for --help and exits 0', async () => {
    const { code, stdout, stderr } = await entry('--help')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('--upload-limit <bytes>')
    expect(stdout).toContain('--data-dir <folder>')
  })

  it('answers an unknown option with a usage error (exit 2) that names it', async () => {
    const { code, stdout, stderr } = await entry('--bogus')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      "focal web host: Unknown option '--bogus'.\nRun it with --help for its options.\n",
    )
  })

  it('stages uploads per run, removes a killed run’s leftovers on start and its own on exit', async () => {
    const tmp = tempDir('focal-webhost-tmp-')
    const data = tempDir('focal-webhost-data-')
    const first = await startHost(tmp, data)
    const upload = await fetch(`http://127.0.0.1:${first.port}/api/upload?name=costs.csv`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: 'a,b\n1,2\n',
    })
    expect(upload.status).toBe(200)
    const firstFolder = `focal-uploads-${first.child.pid}-`
    const leftover = Object.keys(staged(tmp)).find((entry) => entry.startsWith(firstFolder))
    expect(leftover).toBeDefined()
    expect(staged(tmp)[leftover!]).toEqual(['costs.csv'])

    // A crash: nothing runs on the way out, so the staged export stays on disk.
    first.child.kill('SIGKILL')
    await exited(first.child)
    expect(existsSync(join(tmp, leftover!))).toBe(true)

    const second = await startHost(tmp, data)
    expect(existsSync(join(tmp, leftover!))).toBe(false)
    const own = Object.keys(staged(tmp))
    expect(own).toHaveLength(1)
    expect(own[0]).toMatch(new RegExp(`^focal-uploads-${second.child.pid}-`))

    second.child.kill('SIGTERM')
    expect(await exited(second.child)).toEqual({ code: 0, signal: null })
    expect(staged(tmp)).toEqual({})
  })
})
