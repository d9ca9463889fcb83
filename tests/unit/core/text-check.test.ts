import { describe, expect, it } from 'vitest'
import {
  MAX_LINE_BYTES,
  TextCheck,
  type TextFinding,
} from '../../../electron/core/ingest/text-check'

/** Pushes `chunks` through a TextCheck and returns what it reported. */
function check(...chunks: Buffer[]): TextFinding[] {
  const found: TextFinding[] = []
  const text = new TextCheck((finding) => found.push(finding))
  for (const chunk of chunks) text.push(chunk)
  text.end()
  return found
}

const line = (length: number, end = '\n'): Buffer => Buffer.from('x'.repeat(length) + end)

describe('TextCheck', () => {
  it('accepts lines of exactly the limit, however the chunks cut them', () => {
    const whole = Buffer.concat([line(10), line(MAX_LINE_BYTES), line(MAX_LINE_BYTES, '')])
    const third = Math.ceil(whole.length / 3)
    expect(
      check(whole.subarray(0, third), whole.subarray(third, 2 * third), whole.subarray(2 * third)),
    ).toEqual([])
  })

  it('reports a line one byte over the limit at its first byte, across three chunks', () => {
    const whole = Buffer.concat([line(10), line(MAX_LINE_BYTES + 1), line(5)])
    const cut = [0, 700_000, 1_400_000, whole.length]
    const chunks = cut.slice(1).map((end, i) => whole.subarray(cut[i], end))
    expect(check(...chunks)).toEqual([{ kind: 'long-line', textOffset: 11 }])
  })

  it('reports a final line with no line break that is too long', () => {
    expect(check(line(3), line(MAX_LINE_BYTES + 1, ''))).toEqual([
      { kind: 'long-line', textOffset: 4 },
    ])
  })

  it('counts CR, CRLF and LF alike as line breaks', () => {
    const half = MAX_LINE_BYTES / 2
    expect(check(line(half, '\r'), line(half, '\r\n'), line(half, '\n'))).toEqual([])
  })

  it('reports the offset of the first NUL byte in the text, in a later chunk', () => {
    expect(check(line(9), Buffer.from([0x41, 0x00, 0x00]))).toEqual([
      { kind: 'nul', textOffset: 11 },
    ])
  })
})
