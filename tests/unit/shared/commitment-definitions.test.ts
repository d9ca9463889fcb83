/** Ratios shown as percentages (shared/commitments/commitment-definitions.ts): rounded for display only, half away from zero. */
import { describe, expect, it } from 'vitest'
import { formatRatio } from '../../../shared/commitments/commitment-definitions'

describe('formatRatio', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(formatRatio('1')).toBe('100.0%')
    expect(formatRatio('0')).toBe('0.0%')
    expect(formatRatio('0.75')).toBe('75.0%')
    expect(formatRatio('0.476190476190476190')).toBe('47.6%')
    expect(formatRatio('0.571428571428571429')).toBe('57.1%')
    expect(formatRatio('0.00049')).toBe('0.0%')
    expect(formatRatio('0.00051')).toBe('0.1%')
    expect(formatRatio('0.0005')).toBe('0.1%')
    expect(formatRatio('-0.75')).toBe('-75.0%')
    expect(formatRatio('-0.0004')).toBe('0.0%')
    expect(formatRatio(null)).toBe('—')
  })
})
