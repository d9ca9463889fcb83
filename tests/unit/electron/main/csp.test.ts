import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSP, CSP_DIRECTIVES, SECURITY_HEADERS } from '../../../../electron/main/csp'

const sources = Object.values(CSP_DIRECTIVES).flat()

describe('CSP', () => {
  it('is exactly the strict policy of the security baseline', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
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

  it('never allows JavaScript eval nor WebAssembly compilation', () => {
    expect(sources).not.toContain("'unsafe-eval'")
    expect(sources).not.toContain("'wasm-unsafe-eval'")
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'")
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"])
  })

  it("matches the renderer page's own policy for scripts", () => {
    const page = readFileSync(new URL('../../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1]
    expect(meta).toContain(`script-src ${CSP_DIRECTIVES['script-src']?.join(' ')};`)
  })

  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })
})
