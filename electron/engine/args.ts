/**
 * The engine's command line: main passes the user-data folder, the bundled
 * sample file and the app version (`utilityProcess.fork(entry, args)`), and the
 * engine turns them into the core's ServicesOptions.
 */
import { dirname, join } from 'node:path'
import type { ServicesOptions } from '../core/host'

/** What main tells the engine on its command line. */
export interface EngineArgs {
  /** `app.getPath('userData')`. */
  userData: string
  /** The bundled sample file, or null when the build ships none. */
  sample: string | null
  /** The app version for `app:info`. */
  version: string
}

const FLAGS = { userData: '--user-data', sample: '--sample', version: '--version' } as const

/** Builds the argument list main passes to `utilityProcess.fork`. */
export function engineArgv(args: EngineArgs): string[] {
  return [
    FLAGS.userData,
    args.userData,
    FLAGS.sample,
    args.sample ?? '',
    FLAGS.version,
    args.version,
  ]
}

/** Reads EngineArgs back from `process.argv`; throws when the user-data folder is missing. */
export function parseEngineArgv(argv: readonly string[]): EngineArgs {
  const value = (flag: string): string | undefined => {
    const at = argv.lastIndexOf(flag)
    return at >= 0 ? argv[at + 1] : undefined
  }
  const userData = value(FLAGS.userData)
  if (!userData) throw new Error(`The engine needs ${FLAGS.userData} <folder>.`)
  return { userData, sample: value(FLAGS.sample) || null, version: value(FLAGS.version) ?? '0.0.0' }
}

/**
 * The core's options for the desktop host: workspaces and scratch live under
 * user data. The examples sit beside the demo folder (resources/ in
 * development, extraResources when packaged: electron-builder.yml), so they
 * are found from the sample's path. No reportsDir: packs go only to a folder
 * the user picks in main's dialog.
 */
export function servicesOptionsFrom(args: EngineArgs): ServicesOptions {
  return {
    workspacesDir: join(args.userData, 'workspaces'),
    scratchDir: join(args.userData, 'scratch'),
    sampleFile: args.sample,
    host: 'electron',
    version: args.version,
    examplesDir: args.sample ? join(dirname(dirname(args.sample)), 'examples') : null,
  }
}
