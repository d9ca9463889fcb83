import { describe, expect, it } from 'vitest'
import { CSP, CSP_DIRECTIVES, SECURITY_HEADERS } from '../../../../electron/main/csp'

const sources = Object.values(CSP_DIRECTIVES).flat()

describe('CSP', () => {
  it('is exactly the strict policy of the security baseline', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    )
  })

  it('names no remote origin and no wildcard (checklist #7)', () => {
    for (const source of sources) {
      expect(source).not.toMatch(/^(https?|wss?|ftp|file):/)
      expect(source).not.toContain('*')
      expect(source).not.toMatch(/\.[a-z]{2,}(:\d+)?$/i) // no host names
    }
  })

  it("never allows JavaScript eval: 'wasm-unsafe-eval' only, and only for scripts", () => {
    expect(sources).not.toContain("'unsafe-eval'")
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'")
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"])
  })

  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })
})
