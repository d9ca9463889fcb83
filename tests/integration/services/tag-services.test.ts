/**
 * The tag channels of the core services on the demo sample, whose rows spell one key as
 * "org" and " org": tags:policy lists them as one canonical key with figures summed from
 * the CSV in TypeScript, and tags:edit changes the catalog and tells the screens.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

/** Demo rows whose Tags carry any of `keys`, with their BilledCost. */
function carrying(keys: readonly string[]): string[] {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const tags = header.indexOf('Tags')
  const billed = header.indexOf('BilledCost')
  return rows.flatMap((row) => {
    const text = row[tags] ?? ''
    if (text === '' || text === 'NULL') return []
    const parsed = JSON.parse(text) as Record<string, unknown>
    return keys.some((k) => Object.hasOwn(parsed, k)) ? [row[billed] ?? '0'] : []
  })
}

describe('tag services', () => {
  it('tags:policy groups "org" and " org" under one canonical key', async () => {
    const policy = await services['tags:policy']({})
    const org = policy.groups.find((g) => g.canonical === 'org')
    const both = carrying(['org', ' org'])
    expect(org?.aliases.map((a) => [a.key, a.rows])).toEqual([
      ['org', carrying(['org']).length],
      [' org', carrying([' org']).length],
    ])
    expect([org?.rows, org?.cost]).toEqual([
      both.length,
      [{ currency: 'USD', billed: sumDecimals(both) }],
    ])
    const catalog = await services['catalog:get']({})
    expect(catalog.tagKeys).toContain('org')
    expect(catalog.tagKeys).not.toContain(' org')
  })

  it('tags:edit splits a key out, announces the change, and the catalog offers it', async () => {
    let announced = 0
    const stop = services.onEvent((event) => {
      if (event === 'workspace:changed') announced += 1
    })
    try {
      const policy = await services['tags:edit']({ action: 'split', key: ' org' })
      expect(policy.groups.find((g) => g.canonical === ' org')?.aliases.map((a) => a.key)).toEqual([
        ' org',
      ])
      expect(announced).toBe(1)
      expect((await services['catalog:get']({})).tagKeys).toContain(' org')
    } finally {
      stop()
    }
  })
})
