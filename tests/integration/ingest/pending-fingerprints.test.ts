/**
 * pending-fingerprints on the real FOCUS sample: an import no earlier import overlaps leaves its
 * delivery fingerprints to right after its commit, an overlapping import computes every pending
 * one before it compares them, and one left pending by a stop is computed at the next open.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentHashSql } from '../../../electron/core/ingest/delivery-identity-sql'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let open: Workspace[] = []
afterEach(async () => {
  for (const ws of open) await ws.close()
  open = []
})

async function workspace(): Promise<Workspace> {
  const ws = await freshWorkspace('pending-fingerprints')
  open.push(ws)
  return ws
}

/** The stored scopes and fingerprints, in a stable order. */
async function scopes(ws: Workspace): Promise<string[]> {
  const rows = await ws.all(
    `SELECT concat_ws('|', import_id, provider, billing_account_id, billing_period_start, rows, fingerprint) AS s
     FROM import_scopes ORDER BY 1`,
  )
  return rows.map((r) => String(r.s))
}

/** Each scope's fingerprint computed from its rows now: row count and the sum of the content hashes. */
async function computed(ws: Workspace): Promise<string[]> {
  const rows = await ws.all(
    `SELECT concat_ws('|', c.x_ImportId, c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart, count(*),
       count(*)::VARCHAR || ':' || sum(${contentHashSql('c')}::HUGEINT)::VARCHAR) AS s
     FROM cost_rows c GROUP BY c.x_ImportId, c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart ORDER BY 1`,
  )
  return rows.map((r) => String(r.s))
}

/** Marks every stored fingerprint pending, as a stop between an import's commit and its fingerprints leaves it. */
async function leavePending(ws: Workspace): Promise<void> {
  await ws.run(`UPDATE import_scopes SET fingerprint = 'pending:' || import_id::VARCHAR`)
}

describe('pending delivery fingerprints', () => {
  it('are not read back inside the import’s transaction when no earlier import overlaps it, and are stored once it commits', async () => {
    const ws = await workspace()
    // Every statement the writer runs, and whether an import's transaction was open.
    const inTransaction: string[] = []
    let open = false
    const writer = ws.writer
    const run = writer.run.bind(writer)
    writer.run = async (sql, ...rest) => {
      if (/^BEGIN TRANSACTION/.test(sql)) open = true
      if (open) inTransaction.push(sql)
      if (/^(COMMIT|ROLLBACK)/.test(sql)) open = false
      return run(sql, ...rest)
    }
    const record = await importFile(ws, SAMPLE)
    expect(record.status).toBe('imported')
    const fingerprintRead = (sql: string): boolean => sql.includes('::HUGEINT)::VARCHAR')
    // The import's own transaction (the one that inserted its rows) records its scopes pending.
    const importTransaction = inTransaction.slice(
      0,
      inTransaction.findIndex((sql) => /^COMMIT/.test(sql)) + 1,
    )
    expect(importTransaction.some((sql) => sql.startsWith('INSERT INTO cost_rows'))).toBe(true)
    expect(importTransaction.filter(fingerprintRead)).toEqual([])
    // Right after it, in a transaction of their own, the fingerprints are computed.
    expect(inTransaction.filter(fingerprintRead).length).toBeGreaterThan(0)
    expect(await scopes(ws)).toEqual(await computed(ws))
    expect((await scopes(ws)).some((s) => s.includes('pending:'))).toBe(false)
  })

  it('are computed before an overlapping import compares them: the same export in other bytes is already imported', async () => {
    const ws = await workspace()
    const first = await importFile(ws, SAMPLE)
    expect(first.status).toBe('imported')
    await leavePending(ws)
    const crlf = join(tempDir(), 'focus_sample_crlf.csv')
    writeFileSync(crlf, readFileSync(SAMPLE, 'utf8').replace(/\r?\n/g, '\r\n'))
    const again = await importFile(ws, crlf)
    expect(again.status).toBe('duplicate')
    expect(again.error?.code).toBe('DUPLICATE_FILE')
    expect(await scopes(ws)).toEqual(await computed(ws))
  })

  it('left pending by a stop after the commit, are computed when the workspace is opened again', async () => {
    const ws = await workspace()
    expect((await importFile(ws, SAMPLE)).status).toBe('imported')
    const stored = await scopes(ws)
    await leavePending(ws)
    expect(await scopes(ws)).not.toEqual(stored)
    const path = ws.path
    await ws.close()
    open = []
    const reopened = await Workspace.open(path)
    open.push(reopened)
    expect(await scopes(reopened)).toEqual(stored)
  })
})
