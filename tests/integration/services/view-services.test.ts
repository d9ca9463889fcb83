/**
 * The saved-view channels of the core services (services-views.ts) on a real workspace: save
 * (a taken name only with replace), list, rename, duplicate, delete, export as a download and
 * import of an uploaded file, whose errors name the field; requests are checked by the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, validateRequest } from '../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'views' })
})
afterAll(() => services.close())

const MONTHLY: PivotSpec = {
  ...DEFAULT_PIVOT,
  columns: { kind: 'time' },
  measures: [{ measure: 'BilledCost' }, { measure: 'DistinctCount', column: 'SubAccountId' }],
}

const names = async (): Promise<string[]> => (await services['views:list']({})).map((v) => v.name)

describe('view services', () => {
  it('saves a view, refuses its name again unless asked to replace, and lists it with its spec', async () => {
    const saved = await services['views:save']({ name: 'Monthly', spec: DEFAULT_PIVOT })
    expect(CHANNELS['views:save'].response.parse(saved)).toEqual(saved)
    expect(saved.spec).toEqual(DEFAULT_PIVOT)
    await expect(services['views:save']({ name: 'Monthly', spec: MONTHLY })).rejects.toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: 'A view named Monthly exists.',
        details: { exists: 'Monthly' },
      },
    })
    expect((await services['views:list']({}))[0]?.spec).toEqual(DEFAULT_PIVOT)
    await services['views:save']({ name: 'Monthly', spec: MONTHLY, replace: true })
    const listed = await services['views:list']({})
    expect(listed.map((v) => [v.name, v.spec])).toEqual([['Monthly', MONTHLY]])
  })

  it('duplicates, renames and deletes; a taken or unknown name is refused', async () => {
    const copy = await services['views:duplicate']({ name: 'Monthly', to: 'Monthly copy' })
    expect(copy.spec).toEqual(MONTHLY)
    await expect(
      services['views:duplicate']({ name: 'Monthly', to: 'Monthly copy' }),
    ).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } })
    await expect(
      services['views:rename']({ name: 'Monthly copy', to: 'Monthly' }),
    ).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } })
    const renamed = await services['views:rename']({ name: 'Monthly copy', to: 'By month' })
    expect(renamed.name).toBe('By month')
    expect(await names()).toEqual(['By month', 'Monthly'])
    expect(await services['views:delete']({ name: 'By month' })).toBeNull()
    expect(await names()).toEqual(['Monthly'])
    await expect(services['views:delete']({ name: 'By month' })).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })

  it('exports a view as a small JSON download and imports it back under its name', async () => {
    const file = await services['views:export']({ name: 'Monthly' })
    expect(file.fileName).toBe('Monthly.focal-view.json')
    expect(JSON.parse(file.text)).toEqual({ focalView: 1, name: 'Monthly', spec: MONTHLY })
    await services['views:delete']({ name: 'Monthly' })
    const imported = await services['views:import']({ fileName: file.fileName, text: file.text })
    expect([imported.name, imported.spec]).toEqual(['Monthly', MONTHLY])
    // The same file again: the name is taken, so it is replaced only when asked.
    await expect(
      services['views:import']({ fileName: file.fileName, text: file.text }),
    ).rejects.toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: 'A view named Monthly exists.',
        details: { exists: 'Monthly' },
      },
    })
    await services['views:import']({ fileName: file.fileName, text: file.text, replace: true })
    expect(await names()).toEqual(['Monthly'])
  })

  it('refuses an uploaded file that is not a view, naming the file and the field', async () => {
    const bad = JSON.stringify({
      focalView: 1,
      name: 'Broken',
      spec: { ...MONTHLY, measures: 'x' },
    })
    await expect(
      services['views:import']({ fileName: 'broken.json', text: bad }),
    ).rejects.toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^broken\.json is not a Focal view file \(spec\.measures: /),
      },
    })
    await expect(
      services['views:import']({ fileName: 'notes.txt', text: 'hello' }),
    ).rejects.toMatchObject({
      error: { message: expect.stringMatching(/^notes\.txt is not JSON/) },
    })
    expect(await names()).toEqual(['Monthly'])
  })

  it('the contract takes a file name, never a path, and a small file only', () => {
    expect(() => validateRequest('views:import', { fileName: '/etc/passwd', text: '{}' })).toThrow(
      /fileName/,
    )
    expect(() =>
      validateRequest('views:import', { fileName: 'a.json', text: 'x'.repeat(256 * 1024 + 1) }),
    ).toThrow(/text/)
    expect(() => validateRequest('views:save', { name: ' ', spec: DEFAULT_PIVOT })).toThrow(/name/)
    expect(() => validateRequest('views:delete', { name: 'Monthly', path: '/tmp/x' })).toThrow(
      /Invalid request/,
    )
  })
})
