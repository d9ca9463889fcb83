/**
 * Chart export (chart-export.ts): the file is named after the view (or the measure), the currency
 * when there are several, and the day; a PNG data URL becomes its bytes.
 */
import { describe, expect, it } from 'vitest'
import {
  chartFileName,
  dataUrlBlob,
} from '../../../../../renderer/src/features/explore/chart-export'

describe('chartFileName', () => {
  const day = new Date('2026-11-30T23:59:00Z')

  it('names the file after the view and the UTC day, with safe characters only', () => {
    expect(chartFileName('Cost by team / Q3', null, 'png', day)).toBe(
      'Cost-by-team-Q3-2026-11-30.png',
    )
    expect(chartFileName('BilledCost', 'EUR', 'svg', day)).toBe('BilledCost-EUR-2026-11-30.svg')
    expect(chartFileName('///', null, 'svg', day)).toBe('chart-2026-11-30.svg')
  })
})

describe('dataUrlBlob', () => {
  it('decodes the bytes and keeps the type', async () => {
    const blob = dataUrlBlob(
      `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64')}`,
    )
    expect(blob.type).toBe('image/png')
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47])
  })
})
