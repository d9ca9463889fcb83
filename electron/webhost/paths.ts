/** Where the web host keeps data and finds the files it ships with. */
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The per-user app data folder each OS expects (XDG on Linux, Application Support on macOS, %APPDATA% on Windows). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.FOCAL_DATA_DIR) return env.FOCAL_DATA_DIR
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Focal')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Focal')
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'focal')
}

/**
 * The package root: the nearest folder above `from` whose package.json is
 * Focal's. Works both from the sources (electron/webhost) and the bundle
 * (out/webhost), which sit at the same depth but must not assume it.
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'focal'
    )
      return dir
    if (dirname(dir) === dir) throw new Error(`Focal's package.json was not found above ${from}.`)
  }
}

/** The app version from package.json. */
export function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version
}
