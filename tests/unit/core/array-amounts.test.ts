/** array-amounts.ts: the second reader's own parse of a credits array, JSON or Python literal. */
import { describe, expect, it } from 'vitest'
import { arrayAmounts, pythonToJson } from '../../../electron/core/ingest/array-amounts'

describe('arrayAmounts', () => {
  it('reads the amounts of a Python literal as a flattened GCP export writes it', () => {
    const text =
      "[{'name': 'FreeTrial:Credit-1', 'amount': -5e-06, 'full_name': None, 'type': 'PROMOTION'}, {'name': \"Bob's discount\", 'amount': -0.25, 'ok': True}]"
    expect(arrayAmounts(text, 'amount')).toEqual(['-0.000005', '-0.25'])
  })

  it('reads JSON, an empty array, and skips objects without the key', () => {
    expect(arrayAmounts('[{"amount": -1.5}, {"name": "x"}]', 'amount')).toEqual(['-1.5'])
    expect(arrayAmounts('[]', 'amount')).toEqual([])
  })

  it('refuses what is no array of objects', () => {
    expect(arrayAmounts('{"amount": 1}', 'amount')).toBeNull()
    expect(arrayAmounts("[{'amount': -1", 'amount')).toBeNull()
    expect(arrayAmounts('[1, 2]', 'amount')).toBeNull()
    expect(arrayAmounts("[{'amount': {'x': 1}}]", 'amount')).toBeNull()
  })

  it('keeps None, True and False inside strings as written', () => {
    expect(pythonToJson("['None of it', None, True]")).toBe(
      '["None of it",null,true]'.replace(/,/g, ', '),
    )
  })
})
