/**
 * `focal import --embed-source` stores each file in the workspace (core/sources) and
 * `focal info` says so; without the flag sources stay outside, as before.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { sample, tempDir } from '../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

describe('focal import --embed-source', () => {
  it('embeds the file and focal info says how many files are inside', async () => {
    const dir = tempDir()
    const file = join(dir, 'march.csv')
    copyFileSync(SAMPLE, file)
    const embedded = join(dir, 'embedded.focal')
    expect((await focal('import', file, '-w', embedded, '--embed-source')).code).toBe(0)
    const info = JSON.parse((await focal('info', '-w', embedded, '--json')).stdout) as {
      sourcesEmbedded: boolean
      embeddedSources: { files: number; bytes: number }
    }
    expect(info.sourcesEmbedded).toBe(false)
    expect(info.embeddedSources.files).toBe(1)
    expect(info.embeddedSources.bytes).toBeLessThan(755_423 / 3)
    expect((await focal('info', '-w', embedded)).stdout).toMatch(
      /^sources: +not embedded .*; 1 source files inside \(\d+ bytes compressed\)$/m,
    )

    const plain = join(dir, 'plain.focal')
    expect((await focal('import', file, '-w', plain)).code).toBe(0)
    const none = JSON.parse((await focal('info', '-w', plain, '--json')).stdout) as {
      embeddedSources: { files: number }
    }
    expect(none.embeddedSources.files).toBe(0)
  })
})
