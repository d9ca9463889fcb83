/**
 * Crash safety (issue 11): the real `focal import` killed (SIGKILL) at seeded random moments,
 * from its first read to after its commit, at least 20 times in one workspace; every fifth
 * attempt is killed the moment it reports its import, after its commit and before it closes
 * the workspace, so kills after a commit are certain whatever the machine's speed. After each
 * kill the workspace opens; its totals equal exactly the sums, computed from the CSV files
 * themselves, of the imports it lists as imported; the killed attempt is either imported
 * whole or listed as interrupted with no row stored; no attempt is left "running"; and the
 * audit chain verifies.
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../electron/core/audit/verify-audit'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { storedSums } from '../../helpers/workspace'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
const FOCAL = join(ROOT, 'bin/focal.js')
const KILLS = 20

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The demo rows 10 times over under a billing account of their own: a file no other overlaps. */
function billingFile(dir: string, n: number): string {
  const [header, ...rows] = readFileSync(DEMO, 'utf8').trimEnd().split('\n')
  const account = `kill-loop-${n}`
  const own = rows.map((row) => row.replace(/^([^,]*,[^,]*,)("[^"]*"|[^,]*)/, `$1"${account}"`))
  const path = join(dir, `part-${n}.csv`)
  writeFileSync(path, `${header}\n${Array.from({ length: 10 }, () => own.join('\n')).join('\n')}\n`)
  return path
}

/**
 * Starts `focal import` of one file; kills it after `delayMs`, or at its first line of output
 * (its import reported, so committed), unless it ended first.
 */
async function importKilledAfter(
  workspace: string,
  file: string,
  delayMs: number | 'reported' | null,
): Promise<{ killed: boolean; ms: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [FOCAL, 'import', '-w', workspace, file], {
    stdio: ['ignore', delayMs === 'reported' ? 'pipe' : 'ignore', 'ignore'],
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  let killed = false
  if (delayMs === 'reported')
    child.stdout?.once('data', () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL')
    })
  else if (delayMs !== null) {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delayMs))])
    if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL')
  }
  await exited
  return { killed, ms: performance.now() - started }
}

/** Exact BilledCost and EffectiveCost per currency over the given files, from the files. */
function expectedSums(
  files: string[],
): Record<string, { rows: number; billed: string; effective: string }> {
  const out: Record<string, { rows: number; billed: string[]; effective: string[] }> = {}
  for (const file of files) {
    const billed = csvSums(file, 'BilledCost')
    const effective = csvSums(file, 'EffectiveCost')
    for (const [currency, sum] of Object.entries(billed)) {
      const entry = (out[currency] ??= { rows: 0, billed: [], effective: [] })
      entry.rows += sum.rows
      entry.billed.push(sum.sum)
      entry.effective.push(effective[currency]?.sum ?? '0')
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([c, e]) => [
      c,
      { rows: e.rows, billed: sumDecimals(e.billed), effective: sumDecimals(e.effective) },
    ]),
  )
}

describe('imports killed at random moments', () => {
  it(`leave a workspace that opens with exactly the committed imports' totals, ${KILLS} kills`, async () => {
    const dir = tempDir()
    const workspace = join(dir, 'kills.focal')
    const committed: string[] = []
    const keep = (file: string): void => {
      committed.push(file)
    }
    // One import run to its end first: its duration spans the kill points.
    const first = billingFile(dir, 0)
    const full = await importKilledAfter(workspace, first, null)
    keep(first)
    const next = random(20261130)
    let kills = 0
    const outcomes: Record<string, number> = {}
    // A whole import's time, from the runs that were not killed (the machine's load varies).
    let wholeMs = full.ms
    for (let n = 1; kills < KILLS && n <= 3 * KILLS; n += 1) {
      const file = billingFile(dir, n)
      // Stratified over the process's life, from its start (before the first read) to just
      // after a whole import's time (past the commit), each point jittered; a point the
      // process outlived is not a kill, and the strata go round again.
      const delay = Math.round(((((n - 1) % KILLS) + next()) / KILLS) * wholeMs * 1.15)
      const run = await importKilledAfter(workspace, file, n % 5 === 0 ? 'reported' : delay)
      if (run.killed) kills += 1
      else wholeMs = Math.max(wholeMs, run.ms)

      const ws = await Workspace.open(workspace)
      try {
        const attempts = await listImports(ws)
        expect(attempts.filter((a) => a.status === 'running')).toEqual([])
        const mine = attempts.filter((a) => a.fileName === `part-${n}.csv`)
        // Killed before its attempt was recorded, recorded and interrupted, or imported whole.
        expect(mine.length).toBeLessThanOrEqual(1)
        const status = mine[0]?.status ?? 'not recorded'
        expect(['not recorded', 'interrupted', 'imported']).toContain(status)
        if (status === 'imported') keep(file)
        if (run.killed) outcomes[status] = (outcomes[status] ?? 0) + 1
        if (status === 'interrupted') expect(mine[0]?.rowCount).toBe(0)
        if (!run.killed) expect(status).toBe('imported')
        expect(await storedSums(ws)).toEqual(expectedSums(committed))
        expect((await verifyAudit(ws)).break).toBeNull()
      } finally {
        await ws.close()
      }
      if (!committed.includes(file)) rmSync(file)
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS)
    // Kills landed both before a commit and after one.
    expect(outcomes.imported ?? 0).toBeGreaterThan(0)
    expect((outcomes.interrupted ?? 0) + (outcomes['not recorded'] ?? 0)).toBeGreaterThan(0)
  }, 600_000)
})
