/**
 * The mapping screen: a CSV no known format matches, the column mapping a
 * person is making for it (a draft in the mapping file's own shape), its live
 * preview, and the mappings saved in the workspace.
 */
import type { StateCreator } from 'zustand'
import type {
  ImportMapping,
  MappingPreview,
  MappingSample,
  SavedMapping,
} from '../../../shared/contract'
import type { UserMapping } from '../../../shared/formats/user-mapping'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The file being mapped: the import outcome it failed as, by index, and its staged token. */
export interface MappingTarget {
  readonly index: number
  readonly token: string
  readonly fileName: string
}

/** The mapping screen's state, nested under one name (CONVENTIONS.md #9). */
export interface MappingState {
  readonly target: MappingTarget | null
  readonly sample: MappingSample | null
  readonly draft: UserMapping | null
  readonly preview: MappingPreview | null
  readonly saved: readonly SavedMapping[]
  /** Reading the file (inspect); then each preview. */
  readonly task: Task
  readonly previewTask: Task
  /** Saving the mapping and importing the file with it. */
  readonly save: Task
}

/** Mapping state and actions. */
export interface MappingSlice {
  readonly mapping: MappingState
  /** Opens the mapping screen for the failed import outcome `index`. */
  openMapping(index: number): Promise<void>
  closeMapping(): void
  /** Replaces the draft and previews it (the latest draft wins). */
  editMapping(draft: UserMapping): Promise<void>
  /** Saves the draft under its name and imports the file with it; closes the screen when it imported. */
  saveAndImport(): Promise<void>
  /** Reads the saved mappings again (the import screen lists them). */
  refreshMappings(): Promise<void>
  /** The saved mapping's file text, to download. */
  exportMapping(name: string): Promise<{ fileName: string; text: string } | null>
  /** The mapping import `importId` was read with, as recorded then; throws when it has none. */
  importMapping(importId: number): Promise<ImportMapping>
}

/** A new draft for a file: its header, nothing mapped yet. */
export function emptyDraft(sample: MappingSample): UserMapping {
  return {
    focalMapping: 1,
    name: sample.fileName.replace(/\.(csv|csv\.gz|gz)$/i, ''),
    header: sample.header,
    columns: {},
  }
}

/** Creates the mapping slice over a transport. */
export function createMappingSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], MappingSlice> {
  return (set, get) => {
    const patch = (change: Partial<MappingState>): void =>
      set((state) => ({ mapping: { ...state.mapping, ...change } }))
    let previewCount = 0
    return {
      mapping: {
        target: null,
        sample: null,
        draft: null,
        preview: null,
        saved: [],
        task: IDLE,
        previewTask: IDLE,
        save: IDLE,
      },
      openMapping: async (index) => {
        const outcome = get().importOutcomes[index]
        if (!outcome?.token) return
        const target = { index, token: outcome.token, fileName: outcome.fileName }
        patch({ target, sample: null, draft: null, preview: null, task: RUNNING, save: IDLE })
        try {
          const [sample, saved] = await Promise.all([
            api['mappings:inspect']({ token: target.token }),
            api['mappings:list']({}),
          ])
          // A saved mapping made for this header is the natural start.
          const same = saved.find((m) => m.mapping.header.join('\n') === sample.header.join('\n'))
          patch({ sample, saved, task: DONE })
          await get().editMapping(same ? same.mapping : emptyDraft(sample))
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      closeMapping: () => patch({ target: null, sample: null, draft: null, preview: null }),
      editMapping: async (draft) => {
        const target = get().mapping.target
        if (!target) return
        const count = ++previewCount
        patch({ draft, previewTask: RUNNING })
        try {
          // The header is the file's: a mapping loaded from another file is checked against this one.
          const header = get().mapping.sample?.header ?? draft.header
          const preview = await api['mappings:preview']({
            token: target.token,
            mapping: { ...draft, header, name: draft.name.trim() || 'Unnamed' },
          })
          if (count === previewCount) patch({ preview, previewTask: DONE })
        } catch (cause) {
          if (count === previewCount) patch({ previewTask: failed(cause) })
        }
      },
      saveAndImport: async () => {
        const { target, draft, sample } = get().mapping
        if (!target || !draft) return
        patch({ save: RUNNING })
        try {
          const mapping = { ...draft, header: sample?.header ?? draft.header }
          const saved = await api['mappings:save']({ mapping })
          patch({ saved: await api['mappings:list']({}) })
          await get().importWithMapping(target.index, saved.name)
          const outcome = get().importOutcomes[target.index]
          patch({ save: DONE })
          if (outcome?.record?.status === 'imported') get().closeMapping()
        } catch (cause) {
          patch({ save: failed(cause) })
        }
      },
      refreshMappings: async () => {
        try {
          patch({ saved: await api['mappings:list']({}) })
        } catch {
          // No workspace open: nothing saved to list.
          patch({ saved: [] })
        }
      },
      exportMapping: async (name) => {
        try {
          return await api['mappings:export']({ name })
        } catch (cause) {
          patch({ save: failed(cause) })
          return null
        }
      },
      // The import-details drawer holds what it read; nothing of it is app state.
      importMapping: (importId) => api['imports:mapping']({ importId }),
    }
  }
}
