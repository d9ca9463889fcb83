/** Runs the built `focal` command (bin/focal.js → out/cli) the way a person's shell does. */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './paths'

const run = promisify(execFile)

/** What one `focal` run gave back: its exit code and both streams. */
export interface FocalRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `focal <args…>` and returns its exit code and output, whatever the code. */
export async function focal(...args: string[]): Promise<FocalRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/focal.js'), ...args])
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as FocalRun
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
