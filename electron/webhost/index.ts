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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      'data-dir': { type: 'string' },
      'upload-limit': { type: 'string' },
    },
  })
  const port = Number(values.port ?? process.env.FOCAL_PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Not a TCP port: ${values.port ?? process.env.FOCAL_PORT}`)
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
    uploadLimitBytes: values['upload-limit'] ? Number(values['upload-limit']) : undefined,
  })
  console.log(host.url)

  // Close cleanly on Ctrl+C or a kill, so the workspace is checkpointed to one file.
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      (cause: unknown) => {
        console.error('focal web host: error while closing:', cause)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
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
