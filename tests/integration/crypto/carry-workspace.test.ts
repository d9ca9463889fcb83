/** core/crypto/carry-workspace: encrypt a real workspace, decrypt it, same totals; wrong passphrase, tampering, no marker. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../../electron/core/audit/audit-log'
import { verifyAudit } from '../../../electron/core/audit/verify-audit'
import { decryptWorkspace, encryptWorkspace } from '../../../electron/core/crypto/carry-workspace'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { ROOT, tempDir } from '../../helpers/paths'
import { storedSums } from '../../helpers/workspace'
import { FAST_KDF, markedCsv, PASSPHRASE, refusal, workspaceWith } from './fixture'

async function sumsOf(path: string): Promise<Awaited<ReturnType<typeof storedSums>>> {
  const ws = await Workspace.open(path, { readOnly: true })
  try {
    return await storedSums(ws)
  } finally {
    await ws.close()
  }
}

describe('encryptWorkspace / decryptWorkspace', () => {
  it('round-trips a workspace with the default scrypt cost: same rows and exact totals, both steps in the audit chain', async () => {
    const dir = tempDir()
    const { path: csv, billed } = markedCsv(dir)
    const original = join(dir, 'client.focal')
    await workspaceWith(original, csv)
    const before = await sumsOf(original)
    // The expected totals come from the CSV itself, not from DuckDB.
    expect(Object.keys(before)).toEqual(Object.keys(billed))
    for (const [currency, { sum, rows }] of Object.entries(billed))
      expect(before[currency]).toMatchObject({ rows, billed: sum })

    const encrypted = join(dir, 'client.focal.enc')
    const summary = await encryptWorkspace(original, encrypted, PASSPHRASE)
    expect(summary.file).toBe('client.focal.enc')
    expect(readFileSync(encrypted).subarray(0, 14)).toEqual(
      Buffer.from([...Buffer.from('FOCALENC'), 1, 1, 17, 8, 1, 1]),
    )
    const copy = join(tempDir(), 'carried.focal')
    const back = await decryptWorkspace(encrypted, copy, PASSPHRASE)
    expect(back.bytes).toBe(summary.bytes)
    expect(await sumsOf(copy)).toEqual(before)

    const ws = await Workspace.open(copy, { readOnly: true })
    try {
      const entries = await listAuditEntries(ws, {})
      const last = entries.slice(-2)
      expect(last.map((e) => [e.action, e.subject, e.details])).toEqual([
        [
          'workspace.encrypt',
          'client',
          {
            file: 'client.focal.enc',
            cipher: 'AES-256-GCM',
            kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 },
            chunkBytes: 1048576,
          },
        ],
        ['workspace.decrypt', 'carried', { file: 'client.focal.enc' }],
      ])
      expect(JSON.stringify(entries)).not.toContain(dir)
      expect((await verifyAudit(ws)).ok).toBe(true)
    } finally {
      await ws.close()
    }
  })

  it('leaves no plaintext marker in the encrypted file (the plain workspace holds it)', async () => {
    const dir = tempDir()
    const { path: csv, marker } = markedCsv(dir)
    const original = join(dir, 'client.focal')
    await workspaceWith(original, csv)
    const plain = readFileSync(original)
    // The search can fail: the marker is in the unencrypted workspace's bytes.
    expect(plain.includes(Buffer.from(marker))).toBe(true)
    const encrypted = join(dir, 'client.focal.enc')
    await encryptWorkspace(original, encrypted, PASSPHRASE, { kdf: FAST_KDF })
    const bytes = readFileSync(encrypted)
    expect(bytes.includes(Buffer.from(marker, 'utf8'))).toBe(false)
    expect(bytes.includes(Buffer.from(marker, 'utf16le'))).toBe(false)
    expect(bytes.includes(Buffer.from('MARKER-'))).toBe(false)
  })

  it('refuses a wrong passphrase with a clear message and writes nothing', async () => {
    const dir = tempDir()
    const { path: csv } = markedCsv(dir)
    await workspaceWith(join(dir, 'client.focal'), csv)
    await encryptWorkspace(join(dir, 'client.focal'), join(dir, 'c.enc'), PASSPHRASE, {
      kdf: FAST_KDF,
    })
    const target = tempDir()
    const error = await refusal(
      decryptWorkspace(join(dir, 'c.enc'), join(target, 'out.focal'), 'not the passphrase'),
    )
    expect(error.code).toBe('WRONG_PASSPHRASE')
    expect(error.message).toBe(
      'Wrong passphrase for c.enc (or its header was changed). Nothing was written.',
    )
    expect(readdirSync(target)).toEqual([])
  })

  it('never replaces an existing file unless forced, and a forced decrypt drops the replaced workspace .wal', async () => {
    const dir = tempDir()
    const { path: csv } = markedCsv(dir)
    const original = join(dir, 'client.focal')
    await workspaceWith(original, csv)
    const encrypted = join(dir, 'c.enc')
    writeFileSync(encrypted, 'keep me')
    const error = await refusal(
      encryptWorkspace(original, encrypted, PASSPHRASE, { kdf: FAST_KDF }),
    )
    expect(error).toMatchObject({
      code: 'IO_ERROR',
      message: 'c.enc already exists; nothing was written.',
      hint: 'Choose another --out, or pass --force to replace it.',
    })
    expect(readFileSync(encrypted, 'utf8')).toBe('keep me')
    await encryptWorkspace(original, encrypted, PASSPHRASE, { kdf: FAST_KDF, force: true })

    const out = join(dir, 'other.focal')
    writeFileSync(out, 'an older file')
    writeFileSync(`${out}.wal`, 'stale log')
    expect((await refusal(decryptWorkspace(encrypted, out, PASSPHRASE))).code).toBe('IO_ERROR')
    expect(readFileSync(out, 'utf8')).toBe('an older file')
    await decryptWorkspace(encrypted, out, PASSPHRASE, { force: true })
    expect(existsSync(`${out}.wal`)).toBe(false)
    expect(await sumsOf(out)).toEqual(await sumsOf(original))
  })

  it('refuses to replace a workspace another process holds open, even with force', async () => {
    const dir = tempDir()
    const { path: csv } = markedCsv(dir)
    const original = join(dir, 'client.focal')
    await workspaceWith(original, csv)
    const encrypted = join(dir, 'c.enc')
    await encryptWorkspace(original, encrypted, PASSPHRASE, { kdf: FAST_KDF })
    const live = join(dir, 'live.focal')
    await workspaceWith(live, csv)
    const bytes = readFileSync(live)
    // Another Focal holding live.focal: a process with DuckDB's write lock on it.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { DuckDBInstance } = await import('@duckdb/node-api'); await (await DuckDBInstance.create(process.argv[1])).connect(); console.log('ready'); process.stdin.resume()",
        live,
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    try {
      await new Promise<void>((ready) => holder.stdout.once('data', () => ready()))
      const error = await refusal(decryptWorkspace(encrypted, live, PASSPHRASE, { force: true }))
      expect(error).toMatchObject({
        code: 'WORKSPACE_LOCKED',
        message: `Workspace live.focal is open in another Focal window or command (process ${holder.pid}).`,
      })
      expect(readFileSync(live).equals(bytes)).toBe(true)
      expect(readdirSync(dir).sort()).toEqual(
        ['c.enc', 'client.focal', basename(csv), 'live.focal'].sort(),
      )
    } finally {
      holder.kill()
    }
  })

  it('refuses a decrypted file that is not a workspace, removing it', async () => {
    const dir = tempDir()
    const notWorkspace = join(dir, 'notes.txt')
    writeFileSync(notWorkspace, 'not a database')
    const { encryptFile } = await import('../../../electron/core/crypto/carry-file')
    await encryptFile(notWorkspace, join(dir, 'notes.enc'), PASSPHRASE, { kdf: FAST_KDF })
    const target = tempDir()
    const error = await refusal(
      decryptWorkspace(join(dir, 'notes.enc'), join(target, 'x.focal'), PASSPHRASE),
    )
    expect(error.code).toBe('WORKSPACE_INVALID')
    expect(readdirSync(target)).toEqual([])
  })
})
