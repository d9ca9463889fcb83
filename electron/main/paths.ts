/**
 * Where the built pieces are, in development and when packaged: the preload,
 * the renderer, the engine entry and the bundled demo data. Pure path logic
 * plus one folder listing, so it runs in tests.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The facts `app` and the bundle give about where things are. */
export interface PathFacts {
  /** The folder of the built main bundle (`out/main`). */
  mainDir: string
  /** `app.getAppPath()`: the project folder in development, `app.asar` when packaged. */
  appPath: string
  /** `process.resourcesPath`: holds the extraResources when packaged. */
  resourcesPath: string
  /** `app.isPackaged`. */
  isPackaged: boolean
}

/** Resolved locations of the app's parts. */
export interface AppPaths {
  preload: string
  renderer: string
  engine: string
  demoDir: string
}

/** Resolves every location; packaged builds take the demo from extraResources. */
export function appPaths(facts: PathFacts): AppPaths {
  return {
    preload: join(facts.mainDir, '..', 'preload', 'index.cjs'),
    renderer: join(facts.mainDir, '..', 'renderer'),
    engine: join(facts.mainDir, 'engine.js'),
    demoDir: facts.isPackaged
      ? join(facts.resourcesPath, 'demo')
      : join(facts.appPath, 'resources', 'demo'),
  }
}

const SAMPLE_PATTERN = /\.(csv|csv\.gz|parquet)$/i

/** The demo dataset: the first importable file in `demoDir` by name, or null. */
export function findSampleFile(demoDir: string): string | null {
  try {
    const names = readdirSync(demoDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && SAMPLE_PATTERN.test(entry.name))
      .map((entry) => entry.name)
      .sort()
    return names[0] ? join(demoDir, names[0]) : null
  } catch {
    return null
  }
}
