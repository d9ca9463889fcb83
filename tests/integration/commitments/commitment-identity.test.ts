/**
 * Contract Commitment delivery identity (electron/core/commitments/commitment-identity.ts): the
 * same commitments again are already imported, a restatement supersedes by ContractCommitmentId
 * and says what it changed, a partial one is an OVERLAP unless the user says what to do.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { listCommitments } from '../../../electron/core/commitments/list-commitments'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { commitmentFile, rowsOf, writeCsv } from './fixture'

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
  ws = undefined
})

describe('importFile: Contract Commitment delivery identity', () => {
  it('says "already imported" for the same commitments in other bytes (CRLF, BOM, gzip, renamed)', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('azure')
    const first = await importFile(ws, path)
    expect(first.status).toBe('imported')
    const text = readFileSync(path, 'utf8')
    const dir = tempDir()
    const crlf = join(dir, 'commitments-crlf.csv')
    writeFileSync(crlf, '\ufeff' + text.replace(/\n/g, '\r\n'))
    const gz = join(dir, 'commitments.csv.gz')
    writeFileSync(gz, gzipSync(text))
    for (const copy of [crlf, gz]) {
      const again = await importFile(ws, copy)
      expect(again.status).toBe('duplicate')
      expect(again.error?.message).toContain(
        `already imported (the same commitments as import #${first.id}`,
      )
    }
    expect((await listCommitments(ws)).totals).toEqual([
      { currency: 'USD', commitments: 10, cost: '539071.29088' },
    ])
  })

  it('supersedes the earlier rows with a restated file of the same commitments, keeping them for audit', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('azure')
    const first = await importFile(ws, path)
    const { header, rows } = rowsOf(path)
    const cost = header.indexOf('ContractCommitmentCost')
    // The provider restates one commitment's cost: 2243.681280 → 2300.
    const restatedRows = rows.map((r, i) =>
      i === 0 ? r.map((v, j) => (j === cost ? '2300' : v)) : r,
    )
    const restated = await importFile(ws, writeCsv('restated.csv', header, restatedRows))
    expect(restated.status).toBe('imported')
    expect(restated.supersedes).toEqual([first.id])
    // One commitment changed, none added or removed; the cost moved by the restated amount.
    expect(restated.commitments?.delta).toEqual([
      {
        currency: 'USD',
        added: 0,
        removed: 0,
        changed: 1,
        costDifference: subtractDecimals('2300', rows[0]![cost]!),
      },
    ])
    const list = await listCommitments(ws)
    expect(list.commitments).toHaveLength(rows.length)
    expect(list.commitments.every((c) => c.importId === restated.id)).toBe(true)
    const restatedSum = csvSums(
      writeCsv('oracle.csv', header, restatedRows),
      'ContractCommitmentCost',
    )
    expect(list.totals).toEqual([{ currency: 'USD', commitments: 10, cost: restatedSum.USD?.sum }])
    // 539071.29088 − 2243.68128 + 2300, by hand.
    expect(restatedSum.USD?.sum).toBe('539127.6096')
    // The earlier rows stay for audit, and the registry says who replaced them.
    const [kept] = await ws.all(
      'SELECT count(*)::INTEGER AS n FROM contract_commitments WHERE x_ImportId = $1',
      [first.id],
    )
    expect(Number(kept?.n)).toBe(10)
    const byId = new Map((await listImports(ws)).map((r) => [r.id, r]))
    expect(byId.get(first.id)?.supersededBy).toBe(restated.id)
    // Importing the older file again must not undo the restatement.
    // In other bytes (CRLF), so it is told by its rows, not its SHA-256.
    const olderCopy = join(tempDir(), 'older-copy.csv')
    writeFileSync(olderCopy, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'))
    const older = await importFile(ws, olderCopy)
    expect(older.status).toBe('duplicate')
    expect(older.error?.message).toContain(`which import #${restated.id} superseded`)
    expect((await listCommitments(ws)).totals[0]?.cost).toBe('539127.6096')
  })

  it('supersedes with a later file holding one more commitment, and says it was added', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('gcp')
    const first = await importFile(ws, path)
    const { header, rows } = rowsOf(path)
    const id = header.indexOf('ContractCommitmentId')
    const cost = header.indexOf('ContractCommitmentCost')
    const added = rows[0]!.map((v, j) => (j === id ? `${v}-renewal` : v))
    const later = await importFile(ws, writeCsv('later.csv', header, [...rows, added]))
    expect(later.supersedes).toEqual([first.id])
    expect(later.commitments?.delta).toEqual([
      {
        currency: 'USD',
        added: 1,
        removed: 0,
        changed: 0,
        costDifference: normalizeDecimal(added[cost]!),
      },
    ])
    expect((await listCommitments(ws)).commitments).toHaveLength(rows.length + 1)
  })

  it('adds a file of other commitments beside the earlier ones', async () => {
    ws = await freshWorkspace()
    expect((await importFile(ws, commitmentFile('azure'))).status).toBe('imported')
    expect((await importFile(ws, commitmentFile('gcp'))).status).toBe('imported')
    const azure = csvSums(commitmentFile('azure'), 'ContractCommitmentCost').USD!
    const gcp = csvSums(commitmentFile('gcp'), 'ContractCommitmentCost').USD!
    const { totals } = await listCommitments(ws)
    expect(totals).toHaveLength(1)
    expect(totals[0]?.commitments).toBe(azure.rows + gcp.rows)
    expect(totals[0]?.cost).toBe(sumDecimals([azure.sum, gcp.sum]))
    expect((await listImports(ws)).map((r) => r.commitments?.delta)).toEqual([[], []])
  })

  it('refuses a partial restatement with OVERLAP unless told what to do', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('aws')
    const first = await importFile(ws, path)
    const { header, rows } = rowsOf(path)
    const cost = header.indexOf('ContractCommitmentCost')
    // Restates the first three commitments only, with new costs.
    const part = rows.slice(0, 3).map((r) => r.map((v, j) => (j === cost ? '1000' : v)))
    const refused = await importFile(ws, writeCsv('part.csv', header, part))
    expect(refused.status).toBe('failed')
    expect(refused.error).toMatchObject({ code: 'OVERLAP', details: { importIds: [first.id] } })
    expect(refused.error?.message).toBe(
      `part.csv restates 3 commitments of import #${first.id} (${first.fileName}) but not its other commitments; nothing was added.`,
    )
    const skipped = await importFile(ws, writeCsv('part.csv', header, part), { onOverlap: 'skip' })
    expect(skipped.status).toBe('skipped')
    const chosen = await importFile(ws, writeCsv('part.csv', header, part), {
      onOverlap: 'supersede',
    })
    expect(chosen.status).toBe('imported')
    expect(chosen.commitments?.delta).toEqual([
      {
        currency: 'USD',
        added: 0,
        removed: 0,
        changed: 3,
        costDifference: subtractDecimals(
          '3000',
          sumDecimals(rows.slice(0, 3).map((r) => r[cost]!)),
        ),
      },
    ])
    const list = await listCommitments(ws)
    expect(list.commitments).toHaveLength(rows.length)
    const others = csvSums(writeCsv('others.csv', header, rows.slice(3)), 'ContractCommitmentCost')
    expect(list.totals[0]?.cost).toBe(sumDecimals([others.USD!.sum, '3000']))
  })
})

describe('importFile: Contract Commitment overlap kept on request', () => {
  it('counts both files when told keep-both, and says which import it was kept beside', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('azure')
    const first = await importFile(ws, path)
    const { header, rows } = rowsOf(path)
    const part = rows.slice(0, 2)
    const kept = await importFile(ws, writeCsv('kept.csv', header, part), {
      onOverlap: 'keep-both',
    })
    expect(kept.status).toBe('imported')
    expect(kept.keptBeside).toEqual([first.id])
    expect(kept.supersedes).toEqual([])
    const all = csvSums(path, 'ContractCommitmentCost').USD!
    const both = csvSums(writeCsv('oracle.csv', header, part), 'ContractCommitmentCost').USD!
    expect((await listCommitments(ws)).totals).toEqual([
      { currency: 'USD', commitments: all.rows + 2, cost: sumDecimals([all.sum, both.sum]) },
    ])
  })
})
