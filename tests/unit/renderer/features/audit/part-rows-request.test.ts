/**
 * renderer audit/part-rows-request: Open rows of a figure's part names the part, pinned to the
 * pack entry the figure was explained from, so a later pack of the same kind cannot change it.
 */
import { describe, expect, it } from 'vitest'
import type { ExplainedFigureView } from '../../../../../shared/contract/explain'
import { RowsPageRequestSchema } from '../../../../../shared/contract/rows'
import { partRowsRequest } from '../../../../../renderer/src/features/audit/part-rows-request'

const figure = {
  target: 'Web',
  currency: 'USD',
  pack: { at: '2026-01-02T03:04:05Z', actor: 'ana', entrySeq: 7, matches: true },
} as unknown as ExplainedFigureView
const pool = { pool: 'network', rule: null, count: 3 }

describe('partRowsRequest', () => {
  it('names the part of the pack entry explained, with its target and currency', () => {
    const request = partRowsRequest(
      { period: '2024-09', target: 'Web', kind: 'chargeback' },
      figure,
      pool,
    )
    expect(RowsPageRequestSchema.parse(request)).toEqual(request)
    expect(request.filters).toEqual([])
    expect(request.part).toEqual({
      figure: { period: '2024-09', target: 'Web', kind: 'chargeback', currency: 'USD', entry: 7 },
      pool: 'network',
      rule: null,
    })
  })

  it('keeps a preview figure a preview, and a figure of no currency without one', () => {
    const preview = {
      period: '2024-09',
      target: 'Web',
      preview: { metric: 'BilledCost' as const, source: { rules: 'saved' as const } },
    }
    const request = partRowsRequest(
      preview,
      { ...figure, pack: null, currency: '(none)' },
      { pool: null, rule: 'direct', count: 2 },
    )
    expect(RowsPageRequestSchema.parse(request)).toEqual(request)
    expect(request.part).toEqual({ figure: preview, pool: null, rule: 'direct' })
  })
})
