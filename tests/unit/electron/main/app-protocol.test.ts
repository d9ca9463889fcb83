import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveAppPath, serveAppRequest } from '../../../../electron/main/app-protocol'
import { CSP } from '../../../../electron/main/csp'
import { tempDir } from '../../../helpers/paths'

let base: string
let root: string

beforeAll(() => {
  base = tempDir('focal-protocol-')
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Focal</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'engine.wasm'), new Uint8Array([0, 97, 115, 109]))
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer')
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
})

describe('resolveAppPath', () => {
  it('maps app URLs into the renderer folder, / to the entry page', () => {
    expect(resolveAppPath('app://focal/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://focal/assets/app.js?v=1#x', root)).toBe(
      join(root, 'assets', 'app.js'),
    )
  })

  it.each([
    // The URL parser collapses `..` and `%2e%2e` before Focal sees the path: they stay inside.
    ['app://focal/../secret.txt', 'secret.txt'],
    ['app://focal/%2e%2e/secret.txt', 'secret.txt'],
    ['app://focal/assets/%2e%2e%2f%2e%2e%2fsecret.txt', null],
    ['app://focal/assets/..%5c..%5csecret.txt', null],
    ['app://focal/%00index.html', null],
    ['app://focal/%E0%A4%A', null], // malformed escape
  ])('keeps %s inside the renderer folder', (url, inside) => {
    expect(resolveAppPath(url, root)).toBe(inside === null ? null : join(root, inside))
  })

  // Each names a file that exists (index.html), so only the scheme or host check refuses it.
  it.each([
    'app://evil/index.html',
    'app://focal.evil/index.html',
    'app://focal:8080/index.html',
    'https://focal/index.html',
    'http://focal/index.html',
    'file://focal/index.html',
    'file:///index.html',
  ])('refuses %s: not the app scheme and host', (url) => {
    expect(resolveAppPath(url, root)).toBeNull()
  })
})

describe('serveAppRequest', () => {
  it('serves files with their type and the CSP header', async () => {
    const page = await serveAppRequest('app://focal/index.html', root)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CSP)
    expect(await page.text()).toContain('<title>Focal</title>')
    const wasm = await serveAppRequest('app://focal/assets/engine.wasm', root)
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
  })

  it('sets the CSP on refusals and misses too', async () => {
    const traversal = await serveAppRequest('app://focal/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)
    expect(traversal.status).toBe(403)
    expect(traversal.headers.get('content-security-policy')).toBe(CSP)
    const missing = await serveAppRequest('app://focal/nope.js', root)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toBe(CSP)
  })

  it('answers 403 for another scheme or host, never the page', async () => {
    for (const url of ['https://focal/index.html', 'app://evil/index.html']) {
      const response = await serveAppRequest(url, root)
      expect(response.status, url).toBe(403)
      expect(await response.text()).not.toContain('<title>Focal</title>')
    }
  })

  it('refuses a symlink that leads out of the renderer folder', async () => {
    const response = await serveAppRequest('app://focal/assets/link.txt', root)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('outside the renderer')
  })
})
