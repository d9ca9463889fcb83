import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stagePaths } from '../../../../electron/main/staging'
import { describeRejected, vetDroppedPaths } from '../../../../electron/main/vet-paths'
import { tempDir } from '../../../helpers/paths'

let dir: string
const at = (name: string) => join(dir, name)

beforeAll(() => {
  dir = tempDir('focal-vet-')
  writeFileSync(at('costs.csv'), 'BilledCost\n1.5\n')
  mkdirSync(at('folder'))
  symlinkSync(at('folder'), at('link-to-folder'))
  symlinkSync(at('costs.csv'), at('link-to-file.csv'))
  symlinkSync(at('gone.csv'), at('dangling.csv'))
  writeFileSync(at('locked.csv'), 'x')
  chmodSync(at('locked.csv'), 0o000)
})

describe('vetDroppedPaths', () => {
  it('accepts a regular readable file, with its name and size', async () => {
    expect(await vetDroppedPaths([at('costs.csv')])).toEqual({
      ok: [{ path: at('costs.csv'), name: 'costs.csv', sizeBytes: 15 }],
      rejected: [],
    })
  })

  it('accepts a symlink to a regular file', async () => {
    expect((await vetDroppedPaths([at('link-to-file.csv')])).ok).toHaveLength(1)
  })

  it.each([
    ['a directory', 'folder', 'not-a-file'],
    ['a symlink to a directory', 'link-to-folder', 'not-a-file'],
    ['a missing file', 'missing.csv', 'missing'],
    ['a dangling symlink', 'dangling.csv', 'missing'],
  ])('rejects %s', async (_label, name, reason) => {
    const result = await vetDroppedPaths([at(name)])
    expect(result.ok).toEqual([])
    expect(result.rejected).toEqual([{ path: at(name), name, reason }])
  })

  it.skipIf(process.getuid?.() === 0)('rejects a file this user cannot read', async () => {
    expect((await vetDroppedPaths([at('locked.csv')])).rejected[0]?.reason).toBe('unreadable')
  })

  it('rejects relative paths, NUL bytes and device files', async () => {
    const result = await vetDroppedPaths(['costs.csv', `${at('costs.csv')}\0.png`, '/dev/null'])
    expect(result.ok).toEqual([])
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'not-absolute',
      'not-absolute',
      'not-a-file',
    ])
  })

  it('keeps input order and vets duplicates once', async () => {
    const result = await vetDroppedPaths([
      at('costs.csv'),
      at('folder'),
      at('costs.csv'),
      at('link-to-file.csv'),
    ])
    expect(result.ok.map((f) => f.name)).toEqual(['costs.csv', 'link-to-file.csv'])
    expect(result.rejected.map((r) => r.name)).toEqual(['folder'])
  })

  it('explains rejections in one sentence', () => {
    expect(describeRejected([{ path: '/x', name: 'x', reason: 'not-a-file' }])).toBe(
      'x is not a regular file (folders cannot be imported this way).',
    )
  })
})

describe('stagePaths', () => {
  const staged: string[] = []
  const stage = async (path: string, name: string) => {
    staged.push(path)
    return {
      ok: true as const,
      value: { token: `token-${staged.length}-abcdefghijkl`, name, sizeBytes: 1 },
    }
  }

  it('stages nothing when any path is rejected', async () => {
    staged.length = 0
    const result = await stagePaths([at('costs.csv'), at('folder')], stage)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', details: { rejected: [{ name: 'folder' }] } },
    })
    expect(staged).toEqual([])
  })

  it('stages every vetted file and returns only tokens', async () => {
    staged.length = 0
    const result = await stagePaths([at('costs.csv')], stage)
    expect(result).toEqual({
      ok: true,
      value: [{ token: 'token-1-abcdefghijkl', name: 'costs.csv', sizeBytes: 1 }],
    })
    expect(JSON.stringify(result)).not.toContain(dir)
  })
})
