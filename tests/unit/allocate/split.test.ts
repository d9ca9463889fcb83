/** shared/allocate/split: exact splits, largest-remainder residue, golden FOCUS examples. */
import { describe, expect, it } from 'vitest'
import { compareTargets, divideRounded, ratio, splitExact } from '../../../shared/allocate/split'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { goldenSplits } from './golden-splits'

const w = (pairs: Record<string, string>): Array<{ target: string; weight: string }> =>
  Object.entries(pairs).map(([target, weight]) => ({ target, weight }))

const amounts = (result: ReturnType<typeof splitExact>): Record<string, string> =>
  Object.fromEntries((result?.parts ?? []).map((p) => [p.target, p.amount]))

describe('splitExact on the FOCUS split-cost-allocation examples', () => {
  const cases = goldenSplits()

  it('reads all three scenario files', () => {
    expect(cases.map((c) => `${c.file.split('/')[1]}:${c.origin}`)).toEqual([
      'scenarios_sca_equal.csv:origin-1',
      'scenarios_sca_weighted.csv:origin-2',
      'scenarios_sca_negative.csv:origin-3',
    ])
  })

  for (const golden of goldenSplits()) {
    it(`${golden.origin}: ${golden.whole} split by ${golden.parts.map((p) => p.weight).join(':')} gives the file's BilledCost at 6 decimals`, () => {
      const result = splitExact(
        golden.whole,
        golden.parts.map((p) => ({ target: p.target, weight: p.weight })),
        6,
      )
      for (const part of golden.parts) {
        expect(amounts(result)[part.target], part.target).toBe(normalizeDecimal(part.expected))
      }
      expect(sumDecimals(result?.parts.map((p) => p.amount) ?? [])).toBe(
        sumDecimals([golden.whole]),
      )
    })
  }

  it('equal: 100 three ways → 33.333333, 33.333333, 33.333334; the unit goes to the last target', () => {
    const result = splitExact('100.00', w({ 'res-0': '1', 'res-1': '1', 'res-2': '1' }), 6)
    expect(amounts(result)).toEqual({
      'res-0': '33.333333',
      'res-1': '33.333333',
      'res-2': '33.333334',
    })
    expect(result?.residue).toBe('0.000001')
    expect(result?.placements).toEqual([{ target: 'res-2', amount: '0.000001' }])
  })

  it('weighted: 100 as 3:2:1 → 50, 33.333333, 16.666667 (largest remainder, not largest share)', () => {
    const result = splitExact('100', w({ 'res-0': '3', 'res-1': '2', 'res-2': '1' }), 6)
    expect(amounts(result)).toEqual({ 'res-0': '50', 'res-1': '33.333333', 'res-2': '16.666667' })
    expect(result?.placements).toEqual([{ target: 'res-2', amount: '0.000001' }])
  })

  it('negative: −50 as 0.4/0.6 → −20, −30 with no residue', () => {
    const result = splitExact('-50.00', w({ 'res-0': '0.4', 'res-1': '0.6' }), 6)
    expect(amounts(result)).toEqual({ 'res-0': '-20', 'res-1': '-30' })
    expect(result?.residue).toBe('0')
    expect(result?.placements).toEqual([])
  })
})

describe('splitExact, hand-computed', () => {
  it('cents: 100 three ways → 33.33, 33.33, 33.34', () => {
    expect(amounts(splitExact('100', w({ a: '1', b: '1', c: '1' }), 2))).toEqual({
      a: '33.33',
      b: '33.33',
      c: '33.34',
    })
  })

  it('fixed percentages 50/30/20 of 1234.57 → 617.29, 370.37, 246.91 (the cent to the largest remainder)', () => {
    // Exact: 617.285, 370.371, 246.914 → truncated 617.28, 370.37, 246.91 (+0.01 left); remainders .5, .1, .4.
    const result = splitExact('1234.57', w({ A: '50', B: '30', C: '20' }), 2)
    expect(amounts(result)).toEqual({ A: '617.29', B: '370.37', C: '246.91' })
    expect(result?.placements).toEqual([{ target: 'A', amount: '0.01' }])
  })

  it('proportional to direct cost 700 / 200 / 100 of a 10.00 support fee → 7.00, 2.00, 1.00', () => {
    expect(amounts(splitExact('10.00', w({ web: '700', api: '200', ops: '100' }), 2))).toEqual({
      api: '2',
      ops: '1',
      web: '7',
    })
  })

  it('driver: 1,000 CPU-hours 600/300/100 of 99.99 → 59.99, 30.00, 10.00', () => {
    // Exact 59.994, 29.997, 9.999 → 59.99, 29.99, 9.99 + 0.02: to 29.997 (.7) then 9.999 (.9) — both.
    const result = splitExact('99.99', w({ a: '600', b: '300', c: '100' }), 2)
    expect(amounts(result)).toEqual({ a: '59.99', b: '30', c: '10' })
    expect(result?.placements).toEqual([
      { target: 'c', amount: '0.01' },
      { target: 'b', amount: '0.01' },
    ])
  })

  it('never gives a part the opposite sign: 0.05 over ten targets → five get 0.01, five get 0', () => {
    const targets = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, '1']))
    const result = splitExact('0.05', w(targets), 2)
    expect(result?.parts.map((p) => p.amount)).toEqual([
      '0',
      '0',
      '0',
      '0',
      '0',
      '0.01',
      '0.01',
      '0.01',
      '0.01',
      '0.01',
    ])
  })

  it('a credit is truncated toward zero and keeps its sign: −10 three ways → −3.33, −3.33, −3.34', () => {
    expect(amounts(splitExact('-10', w({ a: '1', b: '1', c: '1' }), 2))).toEqual({
      a: '-3.33',
      b: '-3.33',
      c: '-3.34',
    })
  })

  it('digits finer than the scale go, after the whole units, to the next largest remainder', () => {
    // 2.0436529809 by 1:1 → 1.0218264904(5) each → 1.02 + 1.02; left 0.0036529809 (no whole cent).
    const result = splitExact('2.0436529809', w({ a: '1', b: '1' }), 2)
    expect(amounts(result)).toEqual({ a: '1.02', b: '1.0236529809' })
    expect(result?.residue).toBe('0.0036529809')
    expect(result?.placements).toEqual([{ target: 'b', amount: '0.0036529809' }])
  })

  it('scale 6 and scale 0 on the same whole', () => {
    expect(amounts(splitExact('10', w({ a: '1', b: '2' }), 6))).toEqual({
      a: '3.333333',
      b: '6.666667',
    })
    expect(amounts(splitExact('10', w({ a: '1', b: '2' }), 0))).toEqual({ a: '3', b: '7' })
  })

  it('ignores zero and negative weights, merges duplicates, returns null when nobody can take a share', () => {
    expect(
      amounts(
        splitExact('9', [...w({ a: '1', b: '0', c: '-5' }), { target: 'a', weight: '2' }], 2),
      ),
    ).toEqual({ a: '9' })
    expect(splitExact('9', w({ a: '0', b: '-1' }), 2)).toBeNull()
    expect(splitExact('9', [], 2)).toBeNull()
  })

  it('orders targets by code point, not by locale, so every machine agrees', () => {
    const result = splitExact('1', w({ b: '1', Z: '1', é: '1', a: '1' }), 2)
    expect(result?.parts.map((p) => p.target)).toEqual(['Z', 'a', 'b', 'é'])
    expect(compareTargets('Z', 'a')).toBeLessThan(0)
    expect(compareTargets('😀', '\uffff')).toBeGreaterThan(0)
  })

  it('refuses a scale outside 0–18', () => {
    expect(() => splitExact('1', w({ a: '1' }), 19)).toThrow(RangeError)
    expect(() => splitExact('1', w({ a: '1' }), 1.5)).toThrow(RangeError)
  })
})

describe('ratio and divideRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n)
    expect(divideRounded(-5n, 2n)).toBe(-3n)
    expect(divideRounded(4n, 3n)).toBe(1n)
  })

  it('gives ratios at 9 decimals', () => {
    expect(ratio('1', '3')).toBe('0.333333333')
    expect(ratio('2', '3')).toBe('0.666666667')
    expect(ratio('-1', '-4')).toBe('0.25')
    expect(() => ratio('1', '0')).toThrow(RangeError)
  })
})
