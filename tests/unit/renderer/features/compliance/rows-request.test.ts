/** renderer compliance/rows-request: a compliance figure's rows are its period's by billing period, narrowed by column. */
import { describe, expect, it } from 'vitest'
import { RowsPageRequestSchema } from '../../../../../shared/contract/rows'
import { complianceRowsRequest } from '../../../../../renderer/src/features/compliance/rows-request'

describe('complianceRowsRequest', () => {
  it('reads the billing period, the year turning over in December', () => {
    const request = complianceRowsRequest('2024-12', [
      ['ResourceId', 'res-a'],
      ['ServiceName', null],
    ])
    expect(RowsPageRequestSchema.parse(request)).toEqual(request)
    expect(request.dateBasis).toBe('billing')
    expect(request.dateRange).toEqual({ start: '2024-12-01', end: '2025-01-01' })
    expect(request.filters).toEqual([
      { dimension: { kind: 'column', name: 'ResourceId' }, op: 'in', values: ['res-a'] },
      { dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: [null] },
    ])
  })
})
