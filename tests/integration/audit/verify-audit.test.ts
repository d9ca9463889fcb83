/**
 * verifyAudit on a workspace after imports, a close and a view save, then on
 * copies whose log, registry or rows were edited with DuckDB behind Focal's
 * back: each edit is found at the right entry and field.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { entryHash, fieldDigests, type AuditFields } from '../../../electron/core/audit/audit-hash'
import { verifyAudit, type AuditVerification } from '../../../electron/core/audit/verify-audit'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { auditedWorkspace, tampered } from './fixture'

let path: string
beforeAll(async () => {
  path = await auditedWorkspace()
})

async function verify(file: string, head?: string): Promise<AuditVerification> {
  const ws = await Workspace.open(file, { readOnly: true })
  try {
    return await verifyAudit(ws, head ? { head } : {})
  } finally {
    await ws.close()
  }
}

/** The log's entries as Focal wrote them: number, action, subject, hash. */
async function entries(): Promise<Array<Record<string, unknown>>> {
  const ws = await Workspace.open(path, { readOnly: true })
  try {
    return await ws.all('SELECT seq::INT AS seq, action, subject, hash FROM audit_log ORDER BY seq')
  } finally {
    await ws.close()
  }
}

describe('verifyAudit', () => {
  it('verifies the untouched workspace: every entry linked from the first, both imports matching their rows', async () => {
    const log = await entries()
    expect(log.map((e) => e.action)).toEqual([
      'workspace.create',
      'import.imported',
      'import.imported',
      'period.close',
      'view.save',
    ])
    const result = await verify(path)
    expect(result).toEqual({
      ok: true,
      entries: 5,
      head: { seq: 5, hash: log[4]?.hash },
      chainStart: null,
      break: null,
      imports: { checked: 2, mismatches: [] },
      closes: { checked: 1, mismatches: [] },
    })
  })

  it('finds a changed field and names it, with the value found', async () => {
    const copy = await tampered(
      path,
      `UPDATE audit_log SET details = replace(details, 'September signed off', 'signed off') WHERE seq = 4`,
    )
    const result = await verify(copy)
    expect(result.ok).toBe(false)
    expect(result.break).toMatchObject({ seq: 4, field: 'details' })
    expect(result.break?.found).toContain('"note":"signed off"')
    const subject = await verify(
      await tampered(path, `UPDATE audit_log SET subject = 'other.csv' WHERE seq = 2`),
    )
    expect(subject.break).toMatchObject({ seq: 2, field: 'subject', found: 'other.csv' })
    const actor = await verify(
      await tampered(path, `UPDATE audit_log SET actor = 'someone else' WHERE seq = 5`),
    )
    expect(actor.break).toMatchObject({ seq: 5, field: 'actor', found: 'someone else' })
    const time = await verify(
      await tampered(
        path,
        `UPDATE audit_log SET logged_at = logged_at - INTERVAL 1 DAY WHERE seq = 3`,
      ),
    )
    expect(time.break).toMatchObject({ seq: 3, field: 'logged_at' })
  })

  it('finds a deleted entry: the next one is where the numbers skip', async () => {
    const result = await verify(await tampered(path, 'DELETE FROM audit_log WHERE seq = 3'))
    expect(result.break).toMatchObject({ seq: 4, field: 'seq', expected: '3', found: '4' })
    expect(result.break?.message).toBe(
      'Entry 3 is missing (the next entry is 4): it was deleted or renumbered outside Focal.',
    )
  })

  it('finds entries cut from the end only against the head an earlier verify noted', async () => {
    const log = await entries()
    const head = String(log[4]?.hash)
    expect((await verify(path, head)).ok).toBe(true)
    const cut = await tampered(path, 'DELETE FROM audit_log WHERE seq = 5')
    // A shorter chain is intact in itself: only the noted head tells it was longer.
    expect((await verify(cut)).break).toBeNull()
    const result = await verify(cut, head)
    expect(result.ok).toBe(false)
    expect(result.break).toMatchObject({
      seq: null,
      field: 'head',
      expected: `an entry with hash ${head}`,
      found: `none; the last entry is 4, hash ${String(log[3]?.hash)}`,
    })
  })

  it('finds two entries reordered by swapping their numbers', async () => {
    const result = await verify(
      await tampered(
        path,
        'UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)',
      ),
    )
    expect(result.break).toMatchObject({ seq: 2, field: 'seq', expected: '3', found: '2' })
  })

  it('finds a forged entry appended after the last, with or without a number', async () => {
    const [, , , , last] = await entries()
    const forged = await verify(
      await tampered(
        path,
        `INSERT INTO audit_log VALUES (now(), 'mallory', 'view.delete', 'monthly', '{}', 6, '${String(last?.hash)}', '${'f'.repeat(64)}', NULL)`,
      ),
    )
    expect(forged.break).toMatchObject({ seq: 6, field: 'hash', found: 'f'.repeat(64) })
    const bare = await verify(
      await tampered(
        path,
        `INSERT INTO audit_log (logged_at, actor, action) VALUES (now(), 'mallory', 'view.delete')`,
      ),
    )
    expect(bare.break).toMatchObject({ seq: null, field: 'seq', expected: '1', found: 'none' })
  })

  it('finds an edited hash: the hash its fields give is expected', async () => {
    const log = await entries()
    const result = await verify(
      await tampered(path, `UPDATE audit_log SET hash = '${'a'.repeat(64)}' WHERE seq = 2`),
    )
    expect(result.break).toMatchObject({ seq: 2, field: 'hash', found: 'a'.repeat(64) })
    expect(result.break?.expected).toBe(log[1]?.hash)
  })

  it('finds an entry rewritten with its hash and digests recomputed: the next entry no longer links to it', async () => {
    const ws = await Workspace.open(path, { readOnly: true })
    const [row] = await ws.all(
      `SELECT epoch_us(logged_at)::VARCHAR AS us, actor, action, details, prev_hash, hash FROM audit_log WHERE seq = 2`,
    )
    await ws.close()
    const fields: AuditFields = {
      seq: 2,
      loggedAtUs: BigInt(String(row?.us)),
      actor: String(row?.actor),
      action: String(row?.action),
      subject: 'another-file.csv',
      details: String(row?.details),
    }
    const hash = entryHash(fields, String(row?.prev_hash))
    const copy = await tampered(
      path,
      `UPDATE audit_log SET subject = 'another-file.csv', hash = '${hash}',
       field_digests = '${JSON.stringify(fieldDigests(fields))}' WHERE seq = 2`,
    )
    const result = await verify(copy)
    expect(result.break).toMatchObject({
      seq: 3,
      field: 'prev_hash',
      expected: hash,
      found: row?.hash,
    })
  })

  it('finds stored imports that differ from the log: a SHA-256 in the registry, an amount in the rows', async () => {
    const result = await verify(
      await tampered(
        path,
        `UPDATE imports SET sha256 = '${'0'.repeat(64)}' WHERE id = 1`,
        `UPDATE cost_rows SET BilledCost = BilledCost + 1 WHERE x_ImportId = 2 AND x_SourceRow = 2`,
      ),
    )
    expect(result.ok).toBe(false)
    expect(result.break).toBeNull()
    expect(result.imports.checked).toBe(2)
    expect(result.imports.mismatches.map((m) => [m.seq, m.importId, m.field, m.found])).toEqual([
      [2, 1, 'sha256', '0'.repeat(64)],
      [3, 2, 'billed in USD', expect.any(String)],
    ])
    const billed = result.imports.mismatches[1]
    expect(billed?.found).toBe(sumDecimals([billed?.expected ?? '', '1']))
  })

  it('finds a stored close that differs from the log: a note or totals edited, a close the log never recorded', async () => {
    const edited = await verify(
      await tampered(
        path,
        `UPDATE period_closes SET note = 'fine', totals = replace(totals, '"amount":"', '"amount":"1') WHERE period = '2024-09'`,
      ),
    )
    expect(edited.ok).toBe(false)
    expect(edited.break).toBeNull()
    expect(edited.closes.mismatches.map((m) => [m.seq, m.period, m.field])).toEqual([
      [4, '2024-09', 'note'],
      [4, '2024-09', 'totals'],
    ])
    expect(edited.closes.mismatches[0]).toMatchObject({
      expected: 'September signed off',
      found: 'fine',
    })
    const forged = await verify(
      await tampered(
        path,
        `INSERT INTO period_closes (period, action, recorded_at, actor, note) VALUES ('2024-10', 'close', now(), 'mallory', 'x')`,
      ),
    )
    expect(forged.closes.mismatches).toEqual([
      {
        seq: null,
        period: '2024-10',
        action: 'close',
        field: 'record',
        expected: 'none (the log has no entry of it)',
        found: 'stored',
      },
    ])
  })
})
