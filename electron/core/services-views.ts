/**
 * The saved-view channels of the core services (electron/core/views): list, save (a taken name
 * only with `replace`, which the UI asks for), rename, duplicate, delete, and a view as a file's
 * text to download or from an uploaded file's text. No path crosses the boundary either way.
 */
import type { FocalApi, SavedViewInfo, ViewFileDownload } from '../../shared/contract'
import { fail } from '../../shared/contract'
import {
  deleteView,
  duplicateView,
  exportView,
  getView,
  listViews,
  readViewFile,
  renameView,
  saveView,
} from './views/saved-views'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type ViewChannel =
  | 'views:list'
  | 'views:save'
  | 'views:rename'
  | 'views:duplicate'
  | 'views:delete'
  | 'views:export'
  | 'views:import'

async function saveChecked(
  ws: Workspace,
  name: string,
  spec: SavedViewInfo['spec'],
  replace: boolean,
): Promise<SavedViewInfo> {
  const taken = (await listViews(ws)).some((v) => v.name === name)
  if (taken && !replace)
    fail('BAD_REQUEST', `A view named ${name} exists.`, {
      hint: 'Replace it, or save under another name.',
      // The UI asks whether to replace it rather than showing an error.
      details: { exists: name },
    })
  await saveView(ws, name, spec)
  return getView(ws, name)
}

/** Creates the saved-view handlers over the open workspace. */
export function createViewServices(workspace: () => Workspace): Pick<FocalApi, ViewChannel> {
  return {
    'views:list': async () => listViews(workspace()),
    'views:save': async ({ name, spec, replace }) =>
      saveChecked(workspace(), name, spec, replace === true),
    'views:rename': async ({ name, to }) => {
      await renameView(workspace(), name, to)
      return getView(workspace(), to)
    },
    'views:duplicate': async ({ name, to }) => {
      await duplicateView(workspace(), name, to)
      return getView(workspace(), to)
    },
    'views:delete': async ({ name }) => {
      await deleteView(workspace(), name)
      return null
    },
    'views:export': async ({ name }): Promise<ViewFileDownload> => {
      const view = await getView(workspace(), name)
      // A file name from the view's name, with only characters every file system takes.
      const base = view.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'view'
      return { fileName: `${base}.focal-view.json`, text: await exportView(workspace(), name) }
    },
    'views:import': async ({ fileName, text, replace }) => {
      const file = readViewFile(text, fileName)
      return saveChecked(workspace(), file.name.trim(), file.spec, replace === true)
    },
  }
}
