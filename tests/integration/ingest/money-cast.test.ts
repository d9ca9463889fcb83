/** The fast text → DECIMAL(38,18) path gives exactly what a plain cast gives, on every edge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textToMoney } from '../../../electron/core/ingest/stage-sql'
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
