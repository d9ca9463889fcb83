import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths, findSampleFile } from '../../../../electron/main/paths'
import { tempDir } from '../../../helpers/paths'

describe('appPaths', () => {
  it('finds the built preload, renderer and engine beside out/main', () => {
    const paths = appPaths({
      mainDir: '/app/out/main',
      appPath: '/app',
      resourcesPath: '/res',
      isPackaged: false,
    })
    expect(paths).toEqual({
      preload: '/app/out/preload/index.cjs',
      renderer: '/app/out/renderer',
      engine: '/app/out/main/engine.js',
      demoDir: '/app/resources/demo',
    })
  })

  it('takes the demo data from extraResources when packaged', () => {
    const paths = appPaths({
      mainDir: '/a/app.asar/out/main',
      appPath: '/a/app.asar',
      resourcesPath: '/a',
      isPackaged: true,
    })
    expect(paths.demoDir).toBe('/a/demo')
  })
})

describe('findSampleFile', () => {
  it('picks the first importable file by name, ignoring folders and other files', () => {
    const dir = tempDir('focal-demo-')
    mkdirSync(join(dir, 'a.csv'))
    writeFileSync(join(dir, 'LICENSE.md'), 'CC-BY-4.0')
    writeFileSync(join(dir, 'z.parquet'), '')
    writeFileSync(join(dir, 'm.csv.gz'), '')
    expect(findSampleFile(dir)).toBe(join(dir, 'm.csv.gz'))
  })

  it('is null when the build ships no demo folder', () => {
    expect(findSampleFile(join(tempDir(), 'missing'))).toBeNull()
  })
})
