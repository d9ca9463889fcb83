import { describe, expect, it } from 'vitest'
import {
  isAllowedRequest,
  networkPolicy,
  offlineSwitches,
} from '../../../../electron/main/network-policy'

const packaged = { devServerUrl: null }
const dev = { devServerUrl: 'http://localhost:5173/' }

const outbound = [
  'http://example.com/',
  'https://example.com/x.csv',
  'https://127.0.0.1:8443/',
  'http://localhost:5173/',
  'http://[::1]/',
  'ws://example.com/socket',
  'wss://example.com/socket',
  'ftp://example.com/file',
  'file:///etc/passwd',
  'chrome://settings',
  'gopher://example.com/',
  'https://extensions.duckdb.org/v1.5.6/linux_amd64/httpfs.duckdb_extension.gz',
  'not a url',
]

describe('network policy: no network at all', () => {
  it.each(outbound)('cancels %s', (url) => {
    let decision: { cancel: boolean } | null = null
    networkPolicy(packaged)({ url }, (d) => (decision = d))
    expect(decision).toEqual({ cancel: true })
  })

  it.each([
    'app://focal/index.html',
    'app://focal/assets/duckdb-eh.wasm',
    'devtools://devtools/bundled/x.html',
    'data:image/png;base64,AA==',
    'blob:app://focal/0b1c',
  ])('lets %s through', (url) => {
    expect(isAllowedRequest(url, packaged)).toBe(true)
  })

  it('in development allows only the dev server and its HMR socket', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false)
    // A non-loopback "dev server" is not trusted at all.
    expect(
      isAllowedRequest('http://example.com:5173/', { devServerUrl: 'http://example.com:5173/' }),
    ).toBe(false)
  })

  it('tells Chromium to resolve no host name', () => {
    expect(offlineSwitches(packaged)).toEqual([['host-resolver-rules', 'MAP * ~NOTFOUND']])
    expect(offlineSwitches(dev)).toEqual([
      ['host-resolver-rules', 'MAP * ~NOTFOUND, EXCLUDE localhost'],
    ])
  })
})
