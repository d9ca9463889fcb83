/** The fast text → DECIMAL(38,18) path gives exactly what a plain cast gives, on every edge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roundsPast18Decimals, textToMoney } from '../../../electron/core/ingest/stage-sql'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { freshWorkspace } from '../../helpers/workspace'

const VALUES = [
  '0',
  '-0',
  '+1',
  '.5',
  '5.',
  '-.5',
  '123456789',
  '12345678',
  '-1234567',
  '12345678.1234567890',
  '1234567.12345678901',
  '0.1234567890',
  '0.12345678901',
  '0.123456789012345678',
  '0.1234567890123456789',
  '1E-15',
  '1e3',
  '-2.5E+2',
  '99999999.9999999999',
  '100000000',
  '0.00000080000',
  '-30.000000',
  '$10,000.00',
  '1,5',
  'inf',
  'nan',
  'abc',
  '',
  '.',
  '-',
  '1.2.3',
]

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace()
})
afterAll(() => ws.close())

describe('textToMoney', () => {
  it.each(VALUES)('%j converts exactly like CAST(… AS DECIMAL(38,18))', async (value) => {
    const [row] = await ws.all(
      `SELECT TRY_CAST($1 AS DECIMAL(38,18))::VARCHAR AS plain, (${textToMoney('$1', 'TRY_CAST')})::VARCHAR AS fast`,
      [value],
    )
    expect(row?.fast).toBe(row?.plain)
  })
})

/** Texts and whether DECIMAL(38,18) loses a non-zero digit of them (worked out by hand). */
const ROUNDING: ReadonlyArray<[string, boolean]> = [
  ['1e-20', true],
  ['1E-19', true],
  ['1.23456789e-15', true],
  ['-1.5e-18', true],
  ['0.1234567890123456789', true],
  ['0.000000000000000000500', true],
  ['1e-18', false],
  ['100e-20', false],
  ['0.10e-17', false],
  ['1.0000000000000000000', false],
  ['0.123456789012345678', false],
  ['0e-30', false],
  ['1.5e3', false],
  ['2.5', false],
  ['12345678901234567890.12', false],
]

describe('roundsPast18Decimals', () => {
  it.each(ROUNDING)('%j rounds at 18 decimals: %s', async (value, rounds) => {
    const [row] = await ws.all(`SELECT ${roundsPast18Decimals('$1')} AS r`, [value])
    expect(row?.r).toBe(rounds)
  })
})
