import { describe, expect, it } from 'vitest'
import { menuTemplate } from '../../../../electron/main/menu-template'

describe('menuTemplate', () => {
  it('has no Help menu (no links to web pages) and no dev tools in a packaged app', () => {
    const json = JSON.stringify(menuTemplate('linux', false))
    expect(json).not.toMatch(/help|toggleDevTools|http/i)
    expect(menuTemplate('linux', false).map((m) => m.label ?? m.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
    ])
  })

  it('puts the app menu first on macOS and offers dev tools in development', () => {
    const mac = menuTemplate('darwin', true)
    expect(mac[0]?.role).toBe('appMenu')
    expect(JSON.stringify(mac)).toContain('toggleDevTools')
  })
})
