import { describe, expect, it } from 'vitest'
import { FocalFailure, validateRequest } from '../../../shared/contract'

function refusal(channel: unknown, body: unknown): string {
  try {
    validateRequest(channel, body)
  } catch (cause) {
    return cause instanceof FocalFailure
      ? `${cause.error.code}: ${cause.error.message}`
      : String(cause)
  }
  return 'accepted'
}

describe('validateRequest', () => {
  it('accepts a well-formed request', () => {
    expect(validateRequest('workspace:open', { name: 'Client A' }).request).toEqual({
      name: 'Client A',
    })
  })

  it('refuses unknown channels, extra fields, paths and traversal in names', () => {
    expect(refusal('fs:read', {})).toBe('BAD_REQUEST: Unknown channel "fs:read".')
    expect(refusal('workspace:open', { name: 'a', path: '/etc/passwd' })).toMatch(
      /^BAD_REQUEST: Invalid request for workspace:open/,
    )
    expect(refusal('workspace:open', { name: '../secrets' })).toMatch(/^BAD_REQUEST/)
    expect(refusal('import:start', { files: ['/home/user/bill.csv'] })).toMatch(
      /^BAD_REQUEST: Invalid request for import:start: files.0/,
    )
    expect(refusal('__proto__', {})).toBe('BAD_REQUEST: Unknown channel "__proto__".')
  })
})
