/** core/report file names and CSV fields: safe on every OS and in every spreadsheet. */
import { describe, expect, it } from 'vitest'
import { periodCondition } from '../../../electron/core/allocate/lines'
import { csvField } from '../../../electron/core/report/csv'
import { slugify, uniqueSlugs } from '../../../electron/core/report/file-names'
import { PERIOD_SQL } from '../../../electron/core/report/line-queries'

describe('file names', () => {
  it('slugs cost center names', () => {
    expect(slugify('Atlas Orion')).toBe('Atlas-Orion')
    expect(slugify('Zürich / R&D: "core"')).toBe('Zurich-R-D-core')
    expect(slugify('../../etc/passwd')).toBe('etc-passwd')
    expect(slugify('CON')).toBe('cost-center-CON')
    expect(slugify('???')).toBe('cost-center')
    expect(slugify('x'.repeat(200))).toHaveLength(80)
  })

  it('keeps slugs unique on case-insensitive file systems', () => {
    expect(uniqueSlugs(['Team A', 'team a', 'Team/A', 'Team A'])).toEqual([
      'Team-A',
      'team-a-2',
      'Team-A-3',
      'Team-A-4',
    ])
  })
})

describe('csvField', () => {
  it('quotes and defuses formulas in text, never in numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('-12.5', false)).toBe('-12.5')
    expect(csvField('-team')).toBe("'-team")
    expect(csvField(null)).toBe('')
  })
})

describe('PERIOD_SQL', () => {
  it('is the expression allocate/lines.ts compares periods by', () => {
    expect(periodCondition('$1')).toBe(`${PERIOD_SQL} = $1`)
  })
})
