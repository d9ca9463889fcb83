/**
 * `--only validate`: `focal validate` of the bench's FOCUS file against Focal's
 * import of the same file in the same run (issue 8: "validating a 1M-row file
 * takes no longer than importing it"). When the import part ran, its times are
 * reused; otherwise the file is imported again here, just before it is
 * validated, so both see the same load on a shared machine. `--profile` adds
 * the time of each SQL statement of one more validation (trace-sql.ts).
 */
import { basename } from 'node:path'
import { validateFile } from '../../electron/core/validate/validate-file'
import { Workspace } from '../../electron/core/workspace/workspace'
import { focalImport, type Format, type LoadResult } from './loads'
import { cpuMs, round, sampleRss, watchMachine, type MachineShare } from './stats'
import { traceWriter, type SqlTrace } from './trace-sql'

/** Target of validate ÷ import wall time. */
export const VALIDATE_RATIO_TARGET = 1.0

/** One timed validation. */
export interface ValidateRun {
  totalMs: number
  cpuMs: number
  rssPeakMB: number
  rules: number
  failedRules: number
  machine: MachineShare | null
}

/** Validation against import of one format. */
export interface ValidateBench {
  validate: ValidateRun
  /** The import it is compared with: `reused` when the import part of this run measured it. */
  import: { totalMs: number; cpuMs: number; reused: boolean }
  ratio: number
  cpuRatio: number
  /** `--profile`: the slowest SQL statements of one more validation, in ms. */
  profile?: { step: string; ms: number; count: number }[]
}

/** Validates `file` once with `validateFile` (what `focal validate` runs); fails loudly unless every row was read. */
async function timedValidate(file: string, rows: number): Promise<ValidateRun> {
  const stopRss = sampleRss()
  const machine = watchMachine()
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const validation = await validateFile(file, basename(file))
  const totalMs = performance.now() - t0
  const used = cpuMs(cpu)
  if (validation.error || validation.rows !== rows)
    throw new Error(
      `focal validate of ${file} did not read it: ${JSON.stringify(validation.error ?? validation.rows)}`,
    )
  return {
    totalMs: round(totalMs),
    cpuMs: round(used),
    rssPeakMB: stopRss(),
    rules: validation.rules.length,
    failedRules: validation.rules.filter((r) => !r.passed).length,
    machine: machine(used),
  }
}

/** Times each statement of one more validation by tracing the throwaway workspace it opens; slowest first. */
async function profileValidate(
  file: string,
): Promise<{ step: string; ms: number; count: number }[]> {
  const traces: SqlTrace[] = []
  const open = Workspace.open.bind(Workspace)
  Workspace.open = async (...args: Parameters<typeof Workspace.open>) => {
    const ws = await open(...args)
    traces.push(traceWriter(ws))
    return ws
  }
  try {
    await validateFile(file, basename(file))
  } finally {
    Workspace.open = open
  }
  return traces
    .flatMap((trace) => Object.entries(trace.steps()))
    .map(([step, t]) => ({ step, ms: t.ms, count: t.count }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12)
}

/** Measures validation of each format's file against its import (reused from `imports` when given). */
export async function measureValidate(
  files: Record<Format, string>,
  formats: readonly Format[],
  work: (format: Format) => string,
  rows: number,
  imports: Partial<Record<Format, LoadResult>>,
  options: { profile: boolean },
  log: (message: string) => void,
): Promise<Record<string, ValidateBench>> {
  const out: Record<string, ValidateBench> = {}
  for (const format of formats) {
    const file = files[format]
    let load = imports[format]
    const reused = load !== undefined
    if (!load) {
      log(`(v) focal import of the ${format} file, to compare validation with`)
      load = await focalImport(file, work(format), rows)
      globalThis.gc?.()
      log(`    ${load.totalMs} ms`)
    }
    log(`(v) focal validate of the ${format} file`)
    const validate = await timedValidate(file, rows)
    globalThis.gc?.()
    const ratio = round(validate.totalMs / load.totalMs, 2)
    const cpuRatio = round(validate.cpuMs / load.cpuMs, 2)
    log(`    ${validate.totalMs} ms; validate/import ${ratio} (CPU time ratio ${cpuRatio})`)
    out[format] = {
      validate,
      import: { totalMs: load.totalMs, cpuMs: load.cpuMs, reused },
      ratio,
      cpuRatio,
      ...(options.profile ? { profile: await profileValidate(file) } : {}),
    }
  }
  return out
}
