/**
 * electron/core/query/reader-run.ts on a real DuckDB reader: a cancel interrupts the running
 * query, and whatever statement of the pivot it lands on (its own SQL, or the workspace's
 * columns and rollups read before it) fails CANCELLED, not with DuckDB's raw message.
 */
import { describe, expect, it, vi } from 'vitest'
import { FocalFailure } from '../../../shared/contract'
import { readSteered, steer, steered } from '../../../electron/core/query/reader-run'
import { freshWorkspace } from '../../helpers/workspace'

// Minutes of work for DuckDB: only an interrupt ends it within the test.
const ENDLESS = 'SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3'

/** Runs `work` on a steered reader and cancels it 200 ms after it starts. */
async function cancelDuring(
  work: (run: () => Promise<unknown>, control: { signal: AbortSignal }) => Promise<unknown>,
): Promise<unknown> {
  const ws = await freshWorkspace('reader-run')
  const connection = await ws.reader()
  const abort = new AbortController()
  const control = { signal: abort.signal }
  const release = steer(connection, control)
  const timer = setTimeout(() => abort.abort(), 200)
  try {
    return await work(() => connection.runAndReadAll(ENDLESS), control).then(
      () => 'finished',
      (cause: unknown) => cause,
    )
  } finally {
    clearTimeout(timer)
    release()
    connection.closeSync()
    ws.close()
  }
}

describe('steered', () => {
  it('turns an interrupt of any statement it runs into CANCELLED', async () => {
    const cause = await cancelDuring((run, control) => steered(control, run))
    expect(cause).toBeInstanceOf(FocalFailure)
    expect((cause as FocalFailure).error.code).toBe('CANCELLED')
  }, 60_000)

  it('is needed: the same interrupt unsteered is DuckDB’s own error', async () => {
    const cause = await cancelDuring((run) => run())
    expect(cause).not.toBeInstanceOf(FocalFailure)
    expect(String(cause)).toMatch(/INTERRUPT/i)
  }, 60_000)

  it('passes other failures on unchanged', async () => {
    const boom = new Error('Binder Error: no such column')
    await expect(steered({}, () => Promise.reject(boom))).rejects.toBe(boom)
  })
})

describe('readSteered', () => {
  it('runs a statement without values as one query, and binds values when there are some', async () => {
    const ws = await freshWorkspace('reader-run-values')
    const connection = await ws.reader()
    // The prepared path starts by splitting the text into statements; the one-query path never does.
    const extract = vi.spyOn(connection, 'extractStatements')
    try {
      const plain = await readSteered(connection, 'SELECT 40 + 2 AS n', [], {})
      expect(await plain.getRows()).toEqual([[42]])
      expect(extract).not.toHaveBeenCalled()
      const bound = await readSteered(connection, 'SELECT $1::INTEGER + 2 AS n', [40], {})
      expect(await bound.getRows()).toEqual([[42]])
      expect(extract).toHaveBeenCalledTimes(1)
      // Either way an engine error is worded QUERY_FAILED with its first line.
      const failed = await readSteered(connection, 'SELECT no_such_column', [], {}).catch(
        (cause: unknown) => cause,
      )
      expect((failed as FocalFailure).error.code).toBe('QUERY_FAILED')
      expect((failed as FocalFailure).error.message).toMatch(/no_such_column/)
    } finally {
      extract.mockRestore()
      connection.closeSync()
      ws.close()
    }
  })
})
