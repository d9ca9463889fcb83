/**
 * Workspace: one owner for the writer. Every use of the writer waits its turn,
 * so a statement from one job never lands inside another job's transaction,
 * a `run` inside a `transaction` does not wait for itself, and close waits
 * for the queue.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
  ws = undefined
})

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function fresh(): Promise<{ ws: Workspace; path: string }> {
  const path = join(tempDir(), 'queue.focal')
  ws = await Workspace.open(path, { create: true })
  await ws.run('CREATE TABLE notes (who VARCHAR)')
  return { ws, path }
}

const notes = async (w: Workspace): Promise<string[]> =>
  (await w.all('SELECT who FROM notes ORDER BY who')).map((r) => String(r.who))

describe('Workspace writer queue', () => {
  it("keeps another job's statement out of a transaction that then rolls back", async () => {
    const { ws } = await fresh()
    const failing = ws.transaction(async () => {
      await ws.run("INSERT INTO notes VALUES ('import')")
      await pause(150)
      throw new Error('the import failed')
    })
    // Starts while the transaction is open; it must not be part of it.
    await pause(20)
    const save = ws.run("INSERT INTO notes VALUES ('rule save')")
    await expect(failing).rejects.toThrow('the import failed')
    await save
    expect(await notes(ws)).toEqual(['rule save'])
  })

  it('runs nested uses inside a transaction at once (no deadlock) and commits them together', async () => {
    const { ws } = await fresh()
    const count = await ws.transaction(async () => {
      await ws.run("INSERT INTO notes VALUES ('a')")
      await ws.audit('test.nested', null, {})
      return Number((await ws.all('SELECT count(*)::INTEGER AS n FROM notes'))[0]?.n)
    })
    expect(count).toBe(1)
    expect(await notes(ws)).toEqual(['a'])
  })

  it('close waits for queued work, which is then in the file', async () => {
    const { ws: open, path } = await fresh()
    const slow = open.transaction(async () => {
      await pause(100)
      await open.run("INSERT INTO notes VALUES ('before close')")
    })
    const queued = open.run("INSERT INTO notes VALUES ('queued')")
    await open.close()
    await Promise.all([slow, queued])
    await expect(open.run("INSERT INTO notes VALUES ('after')")).rejects.toThrow(/closed/)
    ws = await Workspace.open(path, { readOnly: true })
    expect(await notes(ws)).toEqual(['before close', 'queued'])
  })
})
