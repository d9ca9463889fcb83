/** SourceLinks: a file is recognized by SHA-256 among same-size files, and a changed file no longer is. */
import { createHash } from 'node:crypto'
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SourceLinks } from '../../../electron/core/rows/source-links'
import { tempDir } from '../../helpers/paths'

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('SourceLinks', () => {
  it('finds by content at any depth, keeps the link, and drops it when the file changes', async () => {
    const folder = tempDir()
    mkdirSync(join(folder, 'a', 'b'), { recursive: true })
    writeFileSync(join(folder, 'same-size.csv'), 'x,y\n9,9\n')
    const path = join(folder, 'a', 'b', 'export.csv')
    writeFileSync(path, 'x,y\n1,2\n')
    const links = new SourceLinks()
    expect(await links.find(sha('x,y\n1,2\n'), 8)).toBeNull()
    links.addFolder(folder)
    expect(await links.find(sha('x,y\n1,2\n'), 8)).toBe(path)
    expect(await links.find(sha('x,y\n1,2\n'), 8)).toBe(path)
    // Same size, other bytes, a later modification time: no longer the imported file.
    writeFileSync(path, 'x,y\n1,3\n')
    utimesSync(path, new Date(), new Date(Date.now() + 5_000))
    expect(await links.find(sha('x,y\n1,2\n'), 8)).toBeNull()
    expect(await links.find(sha('x,y\n9,9\n'), 8)).toBe(join(folder, 'same-size.csv'))
  })
})
