/**
 * The embedded sources channels (shared/contract/sources.ts): read and change whether the
 * open workspace embeds each imported file (electron/core/sources).
 */
import type { FocalApi, SourcesState } from '../../shared/contract'
import type { SOURCES_CHANNELS } from '../../shared/contract/sources'
import { embedsSources, setEmbedSources } from './sources/embed-source'
import { embeddedSources } from './sources/embedded-source'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type SourcesChannel = keyof typeof SOURCES_CHANNELS

async function stateOf(ws: Workspace): Promise<SourcesState> {
  return { embedSources: await embedsSources(ws), ...(await embeddedSources(ws)) }
}

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createSourcesServices(workspace: () => Workspace): Pick<FocalApi, SourcesChannel> {
  return {
    'sources:get': async () => stateOf(workspace()),
    'sources:set': async ({ embedSources }) => {
      const ws = workspace()
      // Unchanged: nothing to record.
      if ((await embedsSources(ws)) !== embedSources) await setEmbedSources(ws, embedSources)
      return stateOf(ws)
    },
  }
}
