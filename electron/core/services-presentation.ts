/**
 * The presentation mode channels (shared/contract/presentation.ts): read and switch the mode
 * of the open workspace (electron/core/presentation).
 */
import type { FocalApi, PresentationState } from '../../shared/contract'
import type { PRESENTATION_CHANNELS } from '../../shared/contract/presentation'
import { maskedNotice, presentationOf, setPresentation } from './presentation/presentation-mode'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type PresentationChannel = keyof typeof PRESENTATION_CHANNELS

function stateOf(ws: Workspace): PresentationState {
  const mode = presentationOf(ws)
  return { on: mode.on, tagKeys: mode.tagKeys ? [...mode.tagKeys] : null, notice: maskedNotice(ws) }
}

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createPresentationServices(
  workspace: () => Workspace,
): Pick<FocalApi, PresentationChannel> {
  return {
    'presentation:get': async () => stateOf(workspace()),
    'presentation:set': async ({ on, tagKeys }) => {
      const ws = workspace()
      await setPresentation(ws, { on, tagKeys: tagKeys ?? null })
      return stateOf(ws)
    },
  }
}
