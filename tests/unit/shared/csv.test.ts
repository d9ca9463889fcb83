import { describe, expect, it } from 'vitest'
import { parseCsv, splitRecord } from '../../../shared/csv'

describe('csv', () => {
  it('splits a record honouring RFC 4180 quotes', () => {
    expect(splitRecord('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', ''])
    expect(splitRecord('x;y', ';')).toEqual(['x', 'y'])
  })

  it('parses records with quoted line breaks, CRLF, a BOM and blank lines', () => {
    expect(parseCsv('\ufeffh1,h2\r\n"multi\nline",2\r\n\r\n3,4')).toEqual([
      ['h1', 'h2'],
      ['multi\nline', '2'],
      ['3', '4'],
    ])
  })
})
