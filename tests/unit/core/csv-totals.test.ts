/**
 * CsvTotals, reconciliation's byte-level CSV reader, against shared/csv's
 * parseCsv as the oracle: the same records and sums however the file is cut
 * into chunks (quotes, escaped quotes, line breaks inside quotes, CR, CRLF, a
 * BOM, blank lines, short rows, no final line break).
 */
import { describe, expect, it, vi } from 'vitest'
import { CsvTotals } from '../../../electron/core/ingest/csv-totals'
import { FOCUS_COST_COLUMNS } from '../../../electron/core/ingest/source-columns'
import { parseCsv } from '../../../shared/csv'
import { sumDecimals } from '../../../shared/money'

const TEXT = [
  '\ufeffServiceName,BilledCost,"Billing""Currency",BillingCurrency,EffectiveCost,Tags',
  '"a, b",1.25,x,USD,1,"{""k"":""v""}"',
  'plain,"2.5",x,"USD",0.5,"multi\nline\r\nvalue"',
  '',
  'cr only,-0.75,x,EUR,NULL,t\r"q""x",3,x,EUR,,t',
  'short row,4,x',
  '"end",0.000000000000000001,x,USD,7,"last ""quoted"""',
].join('\r\n')

/** The oracle: parseCsv records, sums by header name with shared/money. */
function oracle(text: string): Array<[string | null, number, string, string]> {
  const [header = [], ...records] = parseCsv(text)
  const at = (name: string): number => header.indexOf(name)
  const groups = new Map<string | null, { rows: number; billed: string[]; effective: string[] }>()
  const value = (v: string | undefined): string | null =>
    v === undefined || v === '' || v === 'NULL' ? null : v
  for (const record of records) {
    const currency = value(record[at('BillingCurrency')])
    const group = groups.get(currency) ?? { rows: 0, billed: [], effective: [] }
    groups.set(currency, group)
    group.rows++
    const billed = value(record[at('BilledCost')])
    const effective = value(record[at('EffectiveCost')])
    if (billed !== null) group.billed.push(billed)
    if (effective !== null) group.effective.push(effective)
  }
  return [...groups].map(([c, g]) => [c, g.rows, sumDecimals(g.billed), sumDecimals(g.effective)])
}

function read(chunks: readonly Buffer[]): Array<[string | null, number, string, string]> {
  const totals = new CsvTotals(() => FOCUS_COST_COLUMNS)
  for (const chunk of chunks) totals.push(chunk)
  const result = totals.end()
  expect(result.unreadable).toBeNull()
  return result.sums.map((s) => [s.currency, s.rows, s.billed ?? '', s.effective ?? ''])
}

describe('CsvTotals', () => {
  const bytes = Buffer.from(TEXT)
  const expected = oracle(TEXT)

  it('agrees with parseCsv on a file read whole', () => {
    expect(expected).toEqual([
      ['USD', 3, '3.750000000000000001', '8.5'],
      ['EUR', 2, '2.25', '0'],
      [null, 1, '4', '0'],
    ])
    expect(read([bytes])).toEqual(expected)
  })

  it('agrees with parseCsv wherever the file is cut in two', () => {
    for (let cut = 1; cut < bytes.length; cut++)
      expect(read([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(expected)
  })

  it('agrees with parseCsv read one byte at a time, and with a final line break', () => {
    expect(read([...bytes].map((b) => Buffer.from([b])))).toEqual(expected)
    expect(read([Buffer.from(`${TEXT}\n`)])).toEqual(expected)
  })

  it('agrees with parseCsv on fields longer than the reader passes byte by byte, wherever cut', () => {
    // Past a field's first bytes the reader jumps to its end with indexOf (csv-record-reader.ts):
    // quotes, delimiters and line breaks after that point, and long amounts, read the same.
    const long = [
      'Description of the charge,BilledCost,Notes,BillingCurrency,EffectiveCost,Tags',
      'a long description without any quote in it,1.5,another long unquoted note here,USD,2,t',
      'a long description and then "a quoted, part" inside,2.25,"a quoted note longer than 24, with a comma",EUR,1,"x"',
      'a short row ending in a long field xxxxxxxxxxxxxxxx\rand one ended by a lone CR xxxxxxx,1',
      'one more short row ended by a line feed zzzzzzzzzz',
      '"a quoted long value with a line\nbreak inside it",123456789012.123456789012345678,note,USD,0.5,"tags ""q"" long long long"',
      'a row ended by a lone carriage return xxxxxxxxxx,4,n,USD,1,t\rnext row with a long first field here,"5",n,"EUR",-1,"long long long long long long"',
      'exactly twenty-four byte,6,123456789012345678901234,USD,7,t',
    ].join('\n')
    const longBytes = Buffer.from(long)
    const sums = oracle(long)
    expect(sums).toEqual([
      ['USD', 4, '123456789023.623456789012345678', '10.5'],
      ['EUR', 2, '7.25', '0'],
      [null, 3, '1', '0'],
    ])
    expect(read([longBytes])).toEqual(sums)
    for (let cut = 1; cut < longBytes.length; cut++)
      expect(read([longBytes.subarray(0, cut), longBytes.subarray(cut)]), `cut at ${cut}`).toEqual(
        sums,
      )
    expect(read([...longBytes].map((b) => Buffer.from([b])))).toEqual(sums)
  })

  it('reads a wanted last column when the file ends without a line break, quoted or not', () => {
    for (const text of [
      'BillingCurrency,BilledCost\n"USD",1\nUSD,2',
      'BilledCost,BillingCurrency\n1,USD\n2,"USD"',
    ]) {
      const bytes = Buffer.from(text)
      for (let cut = 1; cut < bytes.length; cut++)
        expect(
          read([bytes.subarray(0, cut), bytes.subarray(cut)]),
          `${text} cut at ${cut}`,
        ).toEqual([['USD', 2, '3', '0']])
    }
  })

  it('stops after the header when the file is not its to read', () => {
    const totals = new CsvTotals(() => null)
    totals.push(Buffer.from('lineItem/UnblendedCost,lineItem/CurrencyCode\n1,'))
    expect(totals.done).toBe(true)
    totals.push(Buffer.from('USD\n2,USD\n'))
    expect(totals.end()).toEqual({ sums: [], unreadable: null, columns: null })
  })

  it('reads a long record held across many chunks in a few passes over its bytes, not one per chunk', () => {
    // 1 MB in 1 KB chunks: a record with no line break, and a quoted field with a break every 100 bytes.
    const filler = 'x'.repeat(1 << 20)
    const broken = filler.replace(/x{99}(x)/g, (run) => `${run.slice(0, 99)}\n`)
    for (const [label, text] of [
      ['no line break', `BilledCost,BillingCurrency,Note\n1.5,USD,${filler}`],
      ['line breaks in quotes', `BilledCost,BillingCurrency,Note\n1.5,USD,"${broken}"\n2,USD,n`],
    ] as const) {
      const bytes = Buffer.from(text)
      const chunks = Array.from({ length: Math.ceil(bytes.length / 1024) }, (_, k) =>
        bytes.subarray(k * 1024, (k + 1) * 1024),
      )
      const concat = vi.spyOn(Buffer, 'concat')
      try {
        const sums = read(chunks)
        const copied = concat.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0)
        expect(sums, label).toEqual([
          [
            'USD',
            label === 'no line break' ? 1 : 2,
            label === 'no line break' ? '1.5' : '3.5',
            '0',
          ],
        ])
        // Each byte is copied a few times as the held record doubles; re-joining per chunk copied it ~500 times.
        expect(copied, label).toBeLessThan(4 * bytes.length)
      } finally {
        concat.mockRestore()
      }
    }
  })

  it('reads large chunks where they lie, joining only the record across each seam', () => {
    // Records of every shape, the same currency repeated, quoted, NULL, empty or padded, and
    // one record longer than the seam the reader joins (csv-record-reader.ts SEAM_BYTES).
    const shapes = [
      'a,1.25,x,USD,1,t',
      'b,2.5,x,USD,0.5,"multi\nline\r\nvalue, with a comma"',
      'c,"-0.75",x,"USD",NULL,"{""k"":""v""}"',
      'd,3,x,EUR,,t',
      'e,4,x,EUR,2,t\r',
      'f,0.000000000000000001,x,NULL,7,t',
      'g,5,x,,1,t',
      'h,6,x, USD,1,t',
      'short row,7,x',
    ]
    const records: string[] = []
    for (let i = 0, length = 0; length < 2_000_000; i++) {
      records.push(shapes[i % shapes.length]!)
      length += records.at(-1)!.length + 2
      if (i === 5000) records.push(`long,8,x,EUR,1,"${'y'.repeat(150_000)}"`)
    }
    const text = [
      'ServiceName,BilledCost,Other,BillingCurrency,EffectiveCost,Tags',
      ...records,
    ].join('\r\n')
    const bytes = Buffer.from(text)
    const sums = oracle(text)
    expect(sums.map(([currency, rows]) => [currency, rows])).toEqual([
      ['USD', expect.any(Number) as number],
      ['EUR', expect.any(Number) as number],
      [null, expect.any(Number) as number],
      [' USD', expect.any(Number) as number],
    ])
    for (const size of [200_000, 262_144, 333_333]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) =>
        bytes.subarray(k * size, (k + 1) * size),
      )
      const concat = vi.spyOn(Buffer, 'concat')
      try {
        expect(read(chunks), `${size}-byte chunks`).toEqual(sums)
        const copied = concat.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0)
        // The long record is joined whole once or twice; joining every chunk copied the whole file.
        expect(copied, `${size}-byte chunks`).toBeLessThan(bytes.length / 4)
      } finally {
        concat.mockRestore()
      }
    }
  })

  it('reads a semicolon file and names the first value that is not a number', () => {
    const totals = new CsvTotals(() => FOCUS_COST_COLUMNS)
    totals.push(Buffer.from('BilledCost;BillingCurrency\n1,5;EUR\n2;EUR\n1.5 USD;EUR\n'))
    expect(totals.end()).toMatchObject({
      sums: [{ currency: 'EUR', rows: 3, billed: '2' }],
      unreadable: { row: 1, column: 'BilledCost', value: '1,5' },
    })
  })
})

describe('CsvTotals with a native format’s reconcile terms', () => {
  it('adds each term on the rows meeting its conditions, negated where asked, by trimmed currency', () => {
    const totals = new CsvTotals(() => ({
      caseInsensitive: true,
      terms: {
        currency: 'lineitem/currencycode',
        billed: [{ column: ['lineItem/NetUnblendedCost', 'lineItem/UnblendedCost'] }],
        effective: [
          {
            column: 'lineItem/UnblendedCost',
            when: [{ column: 'lineItem/LineItemType', notIn: ['SavingsPlanNegation'] }],
          },
          {
            column: 'Credit',
            negate: true,
            when: [
              { column: 'Tag', present: true },
              { column: 'Note', contains: 'PROMO' },
            ],
          },
        ],
      },
    }))
    totals.push(
      Buffer.from(
        [
          'lineItem/LineItemType,lineItem/UnblendedCost,lineItem/CurrencyCode,Credit,Tag,Note',
          'Usage,1.5, USD ,0.25,x,a promo',
          'SavingsPlanNegation,-1,USD,0.25,,promo',
          ',2,USD,-0.5,y,Promo code',
        ].join('\n'),
      ),
    )
    expect(totals.end().sums).toEqual([
      { currency: 'USD', rows: 3, billed: '2.5', effective: '3.75' },
    ])
  })
})
