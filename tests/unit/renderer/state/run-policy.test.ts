/** run-policy: a click runs the pivot at once, typing waits for a pause, a click takes pending typing along. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRunScheduler, TYPING_PAUSE_MS } from '../../../../renderer/src/state/run-policy'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createRunScheduler', () => {
  it('runs a click at once, each click once', () => {
    const run = vi.fn()
    const scheduler = createRunScheduler(run)
    scheduler.change(false)
    expect(run).toHaveBeenCalledTimes(1)
    scheduler.change(false)
    expect(run).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('runs typing once, after the keys pause', () => {
    const run = vi.fn()
    const scheduler = createRunScheduler(run)
    for (let key = 0; key < 5; key += 1) {
      scheduler.change(true)
      vi.advanceTimersByTime(TYPING_PAUSE_MS - 1)
    }
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('a click during typing runs at once and the pending typed run does not follow', () => {
    const run = vi.fn()
    const scheduler = createRunScheduler(run)
    scheduler.change(true)
    vi.advanceTimersByTime(TYPING_PAUSE_MS / 2)
    scheduler.change(false)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs nothing after dispose (the screen closed while typing)', () => {
    const run = vi.fn()
    const scheduler = createRunScheduler(run)
    scheduler.change(true)
    scheduler.dispose()
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS)
    expect(run).not.toHaveBeenCalled()
  })
})
