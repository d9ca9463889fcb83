/** shared/report/ledger-map: the ledger mapping CSV target,ledger_account,cost_center_code, parsed strictly. */
import { describe, expect, it } from 'vitest'
import { errorOf } from '../../helpers/failure'
import { parseLedgerMapCsv } from '../../../shared/report'

describe('parseLedgerMapCsv', () => {
  it('reads the columns in any order, quoted names, BOM and CRLF; an empty account stays unmapped', () => {
    const text =
      '\ufeffcost_center_code,Target,ledger_account\r\nCC-1,"Atlas, Orion",6100\r\n,Team B,6200\r\nCC-3,Team C,\r\n\r\n'
    expect(parseLedgerMapCsv(text)).toEqual([
      { target: 'Atlas, Orion', ledgerAccount: '6100', costCenterCode: 'CC-1' },
      { target: 'Team B', ledgerAccount: '6200', costCenterCode: null },
      { target: 'Team C', ledgerAccount: null, costCenterCode: 'CC-3' },
    ])
  })

  it('takes a file without the code column', () => {
    expect(parseLedgerMapCsv('target,ledger_account\nA,6100')).toEqual([
      { target: 'A', ledgerAccount: '6100', costCenterCode: null },
    ])
  })

  it('names the file, the line and the column that is wrong', () => {
    expect(errorOf(() => parseLedgerMapCsv('target,account\nA,6100', 'gl.csv'))).toMatchObject({
      code: 'MISSING_COLUMNS',
      message: 'gl.csv has no "ledger_account" column.',
      location: { file: 'gl.csv', line: 1 },
    })
    expect(
      errorOf(() => parseLedgerMapCsv('target,ledger_account\n,6100', 'gl.csv')),
    ).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'gl.csv', line: 2 },
    })
    expect(
      errorOf(() => parseLedgerMapCsv('target,ledger_account\nA,6100\nA,6200', 'gl.csv')),
    ).toMatchObject({ code: 'BAD_VALUE', message: 'gl.csv line 3 maps A a second time.' })
  })
})
