/** Async work as a value (CONVENTIONS.md #9): idle | running | failed | done. */
import { toFocalError, type FocalError } from '../../../shared/contract'

/** Where a piece of async work is. */
export type TaskStatus = 'idle' | 'running' | 'failed' | 'done'

/** A task's status and, when it failed, why. */
export interface Task {
  readonly status: TaskStatus
  readonly error: FocalError | null
}

/** A task that has not started. */
export const IDLE: Task = { status: 'idle', error: null }
/** A task under way. */
export const RUNNING: Task = { status: 'running', error: null }
/** A task that finished. */
export const DONE: Task = { status: 'done', error: null }

/** A failed task, from anything thrown. */
export function failed(cause: unknown): Task {
  return { status: 'failed', error: toFocalError(cause) }
}

/** A failed task with a known error. */
export function failedWith(error: FocalError): Task {
  return { status: 'failed', error }
}

/**
 * Runs `work` as a task told to `report` (running, then done or failed); true when it
 * finished. An error lands in the task, never thrown to the screen.
 */
export async function runTask(
  report: (task: Task) => void,
  work: () => Promise<void>,
): Promise<boolean> {
  report(RUNNING)
  try {
    await work()
    report(DONE)
    return true
  } catch (cause) {
    report(failed(cause))
    return false
  }
}
