/**
 * The pure half of the desktop export (electron/main/report-folder.ts): the
 * folder the dialog chose is vetted before the engine may write there, and it
 * opens once — only when its own pack is done.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  PackFolderWatcher,
  REPORT_FOLDER_DIALOG,
  exportToChosenFolder,
  vetReportFolder,
} from '../../../../electron/main/report-folder'
import type { ReportExportRequest } from '../../../../shared/contract'
import { tempDir } from '../../../helpers/paths'

const request: ReportExportRequest = {
  kind: 'chargeback',
  period: '2024-09',
  metric: 'BilledCost',
  source: { rules: 'saved' },
  formats: ['pdf'],
}

describe('report folder', () => {
  it('asks for one folder that may be created in the dialog', () => {
    expect(REPORT_FOLDER_DIALOG.properties).toEqual(['openDirectory', 'createDirectory'])
  })

  it('accepts a writable folder (symlinks resolved) and refuses files and missing paths', async () => {
    const dir = tempDir()
    const folder = join(dir, 'packs')
    mkdirSync(folder)
    writeFileSync(join(dir, 'file.txt'), 'x')
    symlinkSync(folder, join(dir, 'link'))
    expect(await vetReportFolder(folder)).toEqual({ ok: true, value: realpathSync(folder) })
    expect(await vetReportFolder(join(dir, 'link'))).toEqual({
      ok: true,
      value: realpathSync(folder),
    })
    for (const bad of [join(dir, 'file.txt'), join(dir, 'missing')])
      expect(await vetReportFolder(bad)).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } })
  })

  it('opens the folder when its job is done, never for a failed one or a stranger', () => {
    const open = vi.fn()
    const watcher = new PackFolderWatcher(open)
    watcher.expect('a', '/packs/a')
    watcher.expect('b', '/packs/b')
    watcher.onProgress({ jobId: 'a', state: 'running' })
    expect(open).not.toHaveBeenCalled()
    watcher.onProgress({ jobId: 'a', state: 'done' })
    watcher.onProgress({ jobId: 'a', state: 'done' })
    watcher.onProgress({ jobId: 'b', state: 'failed' })
    watcher.onProgress({ jobId: 'z', state: 'done' })
    expect(open.mock.calls).toEqual([['/packs/a']])
    // "Open folder" later finds only the written pack's folder, by its job.
    expect(watcher.folderOf('a')).toBe('/packs/a')
    for (const job of ['b', 'z', 'missing']) expect(watcher.folderOf(job), job).toBeNull()
  })

  it('opens the folder of a job that finished before main learnt its id', () => {
    const open = vi.fn()
    const watcher = new PackFolderWatcher(open)
    watcher.onProgress({ jobId: 'fast', state: 'done' })
    watcher.expect('fast', '/packs/fast')
    expect(open).toHaveBeenCalledWith('/packs/fast')
    expect(watcher.folderOf('fast')).toBe('/packs/fast')
  })

  it('starts nothing when the dialog is cancelled or the folder is unusable', async () => {
    const start = vi.fn(async () => ({ ok: true as const, value: { jobId: 'j' } }))
    const watcher = new PackFolderWatcher(() => undefined)
    const cancelled = await exportToChosenFolder(
      { choose: async () => null, start, watcher },
      1,
      request,
    )
    expect(cancelled).toEqual({ ok: true, value: null })
    const missing = await exportToChosenFolder(
      { choose: async () => '/no/such/folder', start, watcher },
      1,
      request,
    )
    expect(missing.ok).toBe(false)
    expect(start).not.toHaveBeenCalled()
    const folder = tempDir()
    const started = await exportToChosenFolder(
      { choose: async () => folder, start, watcher },
      1,
      request,
    )
    expect(started).toEqual({ ok: true, value: { jobId: 'j' } })
    expect(start).toHaveBeenCalledWith(request, realpathSync(folder))
  })
})
