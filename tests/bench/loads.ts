/**
 * The two loads compared: (a) plain DuckDB, CREATE TABLE AS from the file with
 * DuckDB's default typing; (b) Focal's importFile (what `focal import` runs).
 * Each writes a fresh database file and includes open and close (checkpoint).
 */
import { existsSync, rmSync, statSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { importFile } from '../../electron/core/ingest/import-file'
import { Workspace } from '../../electron/core/workspace/workspace'
import { cpuMs, mb, round, sampleRss, watchMachine, type MachineShare } from './stats'

/** A source file format the bench loads. */
export type Format = 'csv' | 'parquet'

/** Timings of one load, in ms, and what it wrote. */
export interface LoadResult {
  totalMs: number
  /** CPU time of the whole process (all DuckDB threads) over the load: steadier than wall time on a shared machine. */
  cpuMs: number
  openMs: number
  loadMs: number
  closeMs: number
  rowsPerSec: number
  mbPerSec: number
  dbFileMB: number
  /** True if a .wal file was left after close (the checkpoint did not happen inside the timing). */
  walLeft: boolean
  rssPeakMB: number
  /** What the rest of the machine did meanwhile (other processes' CPU time, load average). */
  machine: MachineShare | null
}

/** Plain DuckDB: fresh file, `CREATE TABLE t AS SELECT * FROM read_csv|read_parquet(file)`, close. */
export async function plainLoad(
  file: string,
  format: Format,
  dbPath: string,
  rows: number,
): Promise<LoadResult> {
  removeDatabase(dbPath)
  const stopRss = sampleRss()
  const machine = watchMachine()
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const instance = await DuckDBInstance.create(dbPath)
  const connection = await instance.connect()
  const t1 = performance.now()
  const reader = format === 'csv' ? 'read_csv' : 'read_parquet'
  await connection.run(`CREATE TABLE t AS SELECT * FROM ${reader}($1)`, [file])
  const t2 = performance.now()
  connection.closeSync()
  instance.closeSync()
  const t3 = performance.now()
  return result(file, dbPath, rows, [t0, t1, t2, t3], cpuMs(cpu), stopRss(), machine)
}

/** Focal: fresh workspace, `importFile`, `ws.close()`; fails loudly unless the import succeeded. */
export async function focalImport(
  file: string,
  dbPath: string,
  rows: number,
): Promise<LoadResult & { importDurationMs: number | null; status: string }> {
  removeDatabase(dbPath)
  const stopRss = sampleRss()
  const machine = watchMachine()
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const ws = await Workspace.open(dbPath, { create: true })
  const t1 = performance.now()
  const record = await importFile(ws, file)
  const t2 = performance.now()
  ws.close()
  const t3 = performance.now()
  if (record.status !== 'imported' || record.rowCount !== rows) {
    throw new Error(
      `focal import of ${file} did not succeed: ${record.status} ${JSON.stringify(record.error ?? record.rowCount)}`,
    )
  }
  return {
    ...result(file, dbPath, rows, [t0, t1, t2, t3], cpuMs(cpu), stopRss(), machine),
    importDurationMs: record.durationMs ?? null,
    status: record.status,
  }
}

function result(
  file: string,
  dbPath: string,
  rows: number,
  [t0, t1, t2, t3]: number[],
  cpu: number,
  rssPeakMB: number,
  machine: (ownCpuMs: number) => MachineShare | null,
): LoadResult {
  const totalMs = t3! - t0!
  return {
    totalMs: round(totalMs),
    cpuMs: round(cpu),
    openMs: round(t1! - t0!),
    loadMs: round(t2! - t1!),
    closeMs: round(t3! - t2!),
    rowsPerSec: Math.round(rows / (totalMs / 1000)),
    mbPerSec: round(statSync(file).size / 1e6 / (totalMs / 1000)),
    dbFileMB: mb(statSync(dbPath).size),
    walLeft: existsSync(`${dbPath}.wal`),
    rssPeakMB,
    machine: machine(cpu),
  }
}

/** Deletes a database file and its WAL. */
export function removeDatabase(dbPath: string): void {
  rmSync(dbPath, { force: true })
  rmSync(`${dbPath}.wal`, { force: true })
}
