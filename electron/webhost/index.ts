/**
 * Entry of the web host (`npm run web`, `npm start` without Electron, the e2e
 * tests): creates the core services, serves the renderer on 127.0.0.1 and
 * prints exactly one line, the URL with its per-run token.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../core/services'
import { defaultDataDir, packageRoot, packageVersion } from './paths'
import { startWebHost } from './server'

const HELP = `focal web host — serves Focal to a browser on this machine (127.0.0.1 only)

Usage:
  node out/webhost/index.js [--port <n>] [--data-dir <folder>] [--token <token>]
                            [--upload-limit <bytes>]
Options:
  --port <n>               TCP port (default FOCAL_PORT, else a free port)
  --data-dir <folder>      where workspaces, scratch files and packs live
                           (default FOCAL_DATA_DIR, else the per-user app data folder)
  --token <token>          the access token (default: a new random one per run)
  --upload-limit <bytes>   largest file the page may upload (default 20 GB)
  -h, --help               this help
Prints one line, the URL to open (it carries the token); Ctrl+C stops the host.
`

const OPTIONS = {
  port: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  'upload-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** The parsed options, or an exit code when there is nothing to run (help, or a usage mistake). */
function readOptions():
  ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] | number {
  try {
    const { values } = parseArgs({ options: OPTIONS })
    if (!values.help) return values
    console.log(HELP)
    return 0
  } catch (cause) {
    // parseArgs says which option; its advice about positionals does not apply here.
    const message = cause instanceof Error ? cause.message.split('. ')[0] : String(cause)
    console.error(`focal web host: ${message}.\nRun it with --help for its options.`)
    return 2
  }
}

async function main(): Promise<void> {
  const values = readOptions()
  if (typeof values === 'number') {
    process.exitCode = values
    return
  }
  const port = Number(values.port ?? process.env.FOCAL_PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Not a TCP port: ${values.port ?? process.env.FOCAL_PORT}`)
  const uploadLimit = values['upload-limit'] ? Number(values['upload-limit']) : undefined
  if (uploadLimit !== undefined && !(Number.isSafeInteger(uploadLimit) && uploadLimit > 0))
    throw new Error(`--upload-limit takes a number of bytes, not ${values['upload-limit']}`)
  const root = packageRoot()
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir())
  const sample = join(root, 'resources', 'demo', 'focus-sample.csv')
  const services = await createServices({
    workspacesDir: join(dataDir, 'workspaces'),
    scratchDir: join(dataDir, 'scratch'),
    sampleFile: existsSync(sample) ? sample : null,
    host: 'web',
    version: packageVersion(root),
    examplesDir: join(root, 'resources', 'examples'),
    // Packs go under the data folder; the page downloads them by job and file name.
    reportsDir: join(dataDir, 'reports'),
  })
  const host = await startWebHost({
    services,
    staticDir: join(root, 'out', 'renderer'),
    port,
    token: values.token,
    uploadLimitBytes: uploadLimit,
  })

  // Close cleanly on Ctrl+C or a kill, so the workspace is checkpointed to one file.
  // Listening before the URL is printed: whoever reads the URL may stop the host at once.
  let stopping = 0
  const stop = (): void => {
    // Ctrl+C reaches every process of the terminal's group, and `npm start` passes it on
    // too, so the same stop arrives two or three times at once: only a later one forces.
    if (stopping > 0) {
      if (Date.now() - stopping < 1000) return
      console.error('focal web host: stopped before it finished closing.')
      process.exit(1)
    }
    stopping = Date.now()
    host.close().then(
      () => process.exit(0),
      (cause: unknown) => {
        console.error('focal web host: error while closing:', cause)
        process.exit(1)
      },
    )
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop)
  // Started by scripts/start.mjs with an IPC channel: if it is killed outright, stop too.
  if (process.send)
    process.once('disconnect', () => {
      if (stopping === 0) stop()
    })
  console.log(host.url)
}

// A job that fails after its caller has gone (a closed tab, a closed workspace) must not take
// the host and every other tab down with it: Node exits on an unhandled rejection, so log it.
process.on('unhandledRejection', (cause: unknown) => {
  console.error(
    `focal web host: unhandled error: ${cause instanceof Error ? cause.message : String(cause)}`,
  )
})

main().catch((cause: unknown) => {
  console.error(`focal web host: ${cause instanceof Error ? cause.message : String(cause)}`)
  process.exit(1)
})
