/** Tags: the workspace's tag alias policy (canonical keys and their aliases) and edits of it. */
import type { StateCreator } from 'zustand'
import type { TagEdit, TagPolicy } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The policy as last read, the dataVersion it was read at, and the last edit's outcome. */
export interface TagsState {
  readonly task: Task
  readonly policy: TagPolicy | null
  readonly version: number
  readonly edit: Task
}

/** Tags state and actions. */
export interface TagsSlice {
  readonly tags: TagsState
  refreshTags(): Promise<void>
  /** Applies an edit; true when it was saved. */
  editTags(edit: TagEdit): Promise<boolean>
}

/** Creates the tags slice over a transport. */
export function createTagsSlice(api: FocalTransport): StateCreator<AppState, [], [], TagsSlice> {
  return (set, get) => {
    const patch = (change: Partial<TagsState>): void =>
      set((state) => ({ tags: { ...state.tags, ...change } }))
    return {
      tags: { task: IDLE, policy: null, version: -1, edit: IDLE },
      refreshTags: async () => {
        const version = get().dataVersion
        patch({ task: RUNNING })
        try {
          patch({ policy: await api['tags:policy']({}), task: DONE, version })
        } catch (cause) {
          patch({ task: failed(cause), version })
        }
      },
      editTags: async (edit) => {
        patch({ edit: RUNNING })
        try {
          const policy = await api['tags:edit'](edit)
          // The edit announced workspace:changed (other screens re-read the catalog); this
          // answer is already the new policy, so it counts as read at the current version.
          patch({ policy, edit: DONE, version: get().dataVersion })
          return true
        } catch (cause) {
          patch({ edit: failed(cause) })
          return false
        }
      },
    }
  }
}
