/**
 * The packaging config keeps the security baseline: Electron fuses set
 * (Electron security checklist #19 in current docs) and DuckDB's native
 * bindings unpacked from the asar.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/paths'

// js-yaml and the schema check come with electron-builder (untyped deep imports).
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
}

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asar: boolean
  asarUnpack: string[]
  extraResources: Array<{ from: string; to: string }>
  electronFuses: Record<string, boolean>
  linux: { target: string[] }
  mac: { target: string[] }
  win: { target: string[] }
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's own schema", async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined()
    const typo = structuredClone(config)
    typo.electronFuses.runAsNodee = false
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration/,
    )
  })

  it('sets every Electron fuse of the security baseline', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs the app into an asar but unpacks the DuckDB native bindings', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/@duckdb/**')
  })

  it('ships the build output and resources, with demo data, examples and licenses as extra resources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']))
    expect(config.extraResources).toEqual([
      { from: 'resources/demo', to: 'demo' },
      { from: 'resources/examples', to: 'examples' },
      { from: 'resources/licenses', to: 'licenses' },
    ])
  })

  it('names the app and targets the three desktop platforms', () => {
    expect(config.productName).toBe('Focal')
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })
})
