/**
 * Workspace: one owner for the writer. Every use of the writer waits its turn,
 * so a statement from one job never lands inside another job's transaction,
 * a `run` inside a `transaction` does not wait for itself, and close waits
 * for the queue.
 */
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../electron/core/audit/verify-audit'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { storedTotals } from '../../helpers/workspace'

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

describe('Workspace file while open', () => {
  it('holds every committed import: a copy of the .focal file alone (no .wal) has the rows', async () => {
    const demo = join(ROOT, 'resources/demo/focus-sample.csv')
    const { ws: open, path } = await fresh()
    const record = await importFile(open, demo)
    expect(record.status).toBe('imported')
    const copy = join(tempDir(), 'copy.focal')
    copyFileSync(path, copy)
    expect(existsSync(`${copy}.wal`)).toBe(false)
    const copied = await Workspace.open(copy, { readOnly: true })
    try {
      const usd = csvSums(demo, 'BilledCost').USD
      const stored = (await storedTotals(copied)).USD
      expect(stored?.rows).toBe(1000)
      expect(normalizeDecimal(stored?.billed ?? '')).toBe(usd?.sum)
      expect((await copied.all('SELECT status FROM imports')).map((r) => r.status)).toEqual([
        'imported',
      ])
    } finally {
      await copied.close()
    }
  })
})

describe('Workspace audit', () => {
  it('stores the wall-clock UTC time it hashed, to the microsecond', async () => {
    const { ws: open } = await fresh()
    const before = BigInt(Date.now()) * 1000n
    await open.audit('test.time', null, null)
    const after = BigInt(Date.now() + 1) * 1000n
    const [row] = await open.all(
      "SELECT epoch_us(logged_at)::VARCHAR AS us FROM audit_log WHERE action = 'test.time'",
    )
    const us = BigInt(String(row?.us))
    expect(us >= before && us < after).toBe(true)
    expect((await verifyAudit(open)).break).toBeNull()
  })

  it('chains entries written at the same time by many jobs, one inside a transaction that rolls back: one number each, every link intact', async () => {
    const { ws: open } = await fresh()
    const writes = Array.from({ length: 20 }, (_, i) =>
      open.audit('test.concurrent', `job ${i}`, { i }),
    )
    const rolledBack = open
      .transaction(async () => {
        await open.audit('test.rolled-back', null, {})
        throw new Error('rolled back')
      })
      .catch(() => undefined)
    await Promise.all([...writes, rolledBack])
    const rows = await open.all('SELECT seq::INT AS seq, action FROM audit_log ORDER BY seq')
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    expect(rows.map((r) => r.action)).not.toContain('test.rolled-back')
    const result = await verifyAudit(open)
    expect([result.ok, result.entries, result.break]).toEqual([true, 21, null])
  })
})
