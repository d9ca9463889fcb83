/**
 * encodeArrow (electron/core/query/arrow.ts): what the renderer decodes is exactly what was
 * encoded: decimal texts digit for digit, nulls apart from empty text, multi-byte UTF-8 (names
 * in any script), floats, and a result with no rows.
 */
import { tableFromIPC } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { encodeArrow, type ArrowColumn } from '../../../../electron/core/query/arrow'

/** Decodes `bytes` into one array of values per column, in column order. */
function decoded(bytes: Uint8Array, names: readonly string[]): unknown[][] {
  const table = tableFromIPC(bytes)
  return names.map((name) => [...(table.getChild(name)?.toArray() ?? [])])
}

describe('encodeArrow', () => {
  it('round-trips text with nulls, empty text and multi-byte characters, and floats', () => {
    const text = [
      '2024-09-01',
      null,
      '',
      '-0.000000000000000001',
      '12345678901234567890.123456789012345678',
      'Zürich · 東京 · São Paulo 💶',
      null,
      '(Other)',
      'null',
    ]
    const columns: ArrowColumn[] = [
      { name: 'c0', kind: 'text', values: text },
      { name: 'c1', kind: 'float', values: Float64Array.from([1.5, -2, 0, 1e-9, 3, 4, 5, 6, 7]) },
      { name: 'c2', kind: 'text', values: text.map((t) => (t === null ? 'USD' : null)) },
    ]
    const [c0, c1, c2] = decoded(encodeArrow(columns), ['c0', 'c1', 'c2'])
    expect(c0).toEqual(text)
    expect(c1).toEqual([1.5, -2, 0, 1e-9, 3, 4, 5, 6, 7])
    expect(c2).toEqual(text.map((t) => (t === null ? 'USD' : null)))
  })

  it('round-trips thousands of rows and a column with no null', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `Service ${i} – ${'é'.repeat(i % 7)}`)
    const [back] = decoded(encodeArrow([{ name: 'c0', kind: 'text', values }]), ['c0'])
    expect(back).toEqual(values)
  })

  it('encodes a result with no rows', () => {
    const bytes = encodeArrow([
      { name: 'c0', kind: 'text', values: [] },
      { name: 'c1', kind: 'float', values: new Float64Array(0) },
    ])
    const table = tableFromIPC(bytes)
    expect(table.numRows).toBe(0)
    expect(table.schema.fields.map((f) => f.name)).toEqual(['c0', 'c1'])
  })
})
