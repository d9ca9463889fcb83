/**
 * The application menu as data: standard edit/view/window roles and no Help
 * links to web pages, since Focal opens nothing on the network (Electron's
 * default menu links to electronjs.org). Pure, so it is tested without Electron.
 */

/** One menu entry in the shape Menu.buildFromTemplate takes. */
export interface MenuEntry {
  label?: string
  role?: string
  type?: 'separator'
  submenu?: MenuEntry[]
}

/** Builds the menu for a platform ('darwin' gets the app menu first). */
export function menuTemplate(platform: string, devTools: boolean): MenuEntry[] {
  const view: MenuEntry[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (devTools) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  const template: MenuEntry[] = [
    { label: 'File', submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ]
  if (platform === 'darwin') template.unshift({ role: 'appMenu' })
  return template
}
