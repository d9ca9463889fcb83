/** The answer cache of Explore's queries (electron/core/query/cache.ts): its key and its eviction. */
import { describe, expect, it } from 'vitest'
import { AnswerCache, answerKey } from '../../../../electron/core/query/cache'
import { canonicalJson, valueKey } from '../../../../shared/canonical-json'
import { DEFAULT_PIVOT } from '../../../../shared/pivot'

describe('answerKey', () => {
  it('is the same for one spec whatever its key order, at every level', () => {
    const spec = { ...DEFAULT_PIVOT, sort: { by: 'BilledCost', direction: 'desc' } }
    const reordered = {
      sort: { direction: 'desc', by: 'BilledCost' },
      ...Object.fromEntries(Object.entries(DEFAULT_PIVOT).reverse()),
    }
    expect(answerKey('run', 3, reordered)).toBe(answerKey('run', 3, spec))
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 1 }] })).toBe('{"a":[{"c":1,"d":2}],"b":1}')
    // The screen's short name of a spec follows the same rule.
    expect(valueKey(reordered)).toBe(valueKey(spec))
    expect(valueKey({ ...spec, topN: 21 })).not.toBe(valueKey(spec))
    expect(valueKey(spec)).toMatch(/^[0-9a-f]{8}$/)
  })

  it('differs by data version, by kind and by any value, and keeps array order', () => {
    const key = answerKey('run', 3, DEFAULT_PIVOT)
    expect(answerKey('run', 4, DEFAULT_PIVOT)).not.toBe(key)
    expect(answerKey('table', 3, DEFAULT_PIVOT)).not.toBe(key)
    expect(answerKey('run', 3, { ...DEFAULT_PIVOT, topN: 21 })).not.toBe(key)
    const two = (a: string, b: string) => ({
      ...DEFAULT_PIVOT,
      rows: [
        { kind: 'column', name: a },
        { kind: 'column', name: b },
      ],
    })
    expect(answerKey('run', 3, two('ServiceName', 'RegionId'))).not.toBe(
      answerKey('run', 3, two('RegionId', 'ServiceName')),
    )
  })
})

describe('AnswerCache', () => {
  it('evicts the least recently used answer beyond its entry count', () => {
    const cache = new AnswerCache<string>(3, 1000)
    cache.set('a', 'A', 1)
    cache.set('b', 'B', 1)
    cache.set('c', 'C', 1)
    expect(cache.get('a')).toBe('A') // a is now the newest: b is the oldest
    cache.set('d', 'D', 1)
    expect(cache.get('b')).toBeUndefined()
    expect(['a', 'c', 'd'].map((k) => cache.get(k))).toEqual(['A', 'C', 'D'])
    expect(cache.size).toBe(3)
  })

  it('evicts by bytes, refuses an answer larger than the budget and counts a replaced answer once', () => {
    const cache = new AnswerCache<string>(10, 100)
    cache.set('a', 'A', 40)
    cache.set('b', 'B', 40)
    cache.set('a', 'A2', 30)
    expect(cache.heldBytes).toBe(70)
    cache.set('c', 'C', 40) // 110 > 100: the oldest (b) goes
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe('A2')
    expect(cache.heldBytes).toBe(70)
    cache.set('huge', 'H', 101)
    expect(cache.get('huge')).toBeUndefined()
    expect(cache.size).toBe(2)
    cache.clear()
    expect([cache.size, cache.heldBytes, cache.get('a')]).toEqual([0, 0, undefined])
  })
})
