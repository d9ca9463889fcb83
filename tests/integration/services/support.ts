/** Services over fresh folders with the demo sample, the bundled examples and a reports folder. */
import { join } from 'node:path'
import { createServices } from '../../../electron/core/services'
import type { FocalServices } from '../../../electron/core/host'
import type { ImportJob, ReportJob } from '../../../shared/contract'
import { parseCsv } from '../../helpers/csv-sums'
import { readFileSync } from 'node:fs'
import { sumDecimals } from '../../../shared/money'
import { ROOT, tempDir } from '../../helpers/paths'

/** The bundled demo data. */
export const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

/** Services as the web host makes them, in a temp data folder. */
export async function demoServices(): Promise<{ services: FocalServices; dataDir: string }> {
  const dataDir = tempDir('focal-services-')
  const services = await createServices({
    workspacesDir: join(dataDir, 'workspaces'),
    scratchDir: join(dataDir, 'scratch'),
    sampleFile: DEMO,
    host: 'web',
    version: 'test',
    examplesDir: join(ROOT, 'resources/examples'),
    reportsDir: join(dataDir, 'reports'),
  })
  return { services, dataDir }
}

/** Resolves when the job ends, from its progress events (and one status call, in case it already has). */
export function waitForReport(services: FocalServices, jobId: string): Promise<ReportJob[]> {
  const seen: ReportJob[] = []
  return new Promise((resolve) => {
    const take = (job: ReportJob): void => {
      if (job.jobId !== jobId) return
      seen.push(job)
      if (job.state !== 'running') {
        stop()
        resolve(seen)
      }
    }
    const stop = services.onEvent((event, payload) => {
      if (event === 'report:progress') take(payload as ReportJob)
    })
    void services['report:status']({ jobId }).then(take)
  })
}

/** Resolves with the import job once it ends, from its progress events (and one status call, in case it already has). */
export function waitForImport(services: FocalServices, jobId: string): Promise<ImportJob> {
  return new Promise((resolve) => {
    const take = (job: ImportJob): void => {
      if (job.jobId !== jobId || job.state === 'running') return
      stop()
      resolve(job)
    }
    const stop = services.onEvent((event, payload) => {
      if (event === 'import:progress') take(payload as ImportJob)
    })
    void services['import:status']({ jobId }).then(take)
  })
}

/** Stages the file at `path` as `name`, imports it into the open workspace and waits for the job's end. */
export async function importStaged(
  services: FocalServices,
  path: string,
  name: string,
): Promise<ImportJob> {
  const staged = await services.stageFile(path, name)
  const { jobId } = await services['import:start']({ files: [staged.token] })
  return waitForImport(services, jobId)
}

/**
 * The oracle: exact sums of `metric` per value of `column` over the CSV rows
 * of one billing period, parsed and added up here, not by DuckDB.
 */
export function periodSums(
  metric: 'BilledCost' | 'EffectiveCost',
  period: string,
  column: string,
): Record<string, string> {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const groups: Record<string, string[]> = {}
  for (const row of rows) {
    if (!(row[at('BillingPeriodStart')] ?? '').startsWith(period)) continue
    const key = row[at(column)] ?? ''
    const value = (row[at(metric)] ?? '').trim()
    ;(groups[key] ??= []).push(value === '' || value === 'NULL' ? '0' : value)
  }
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, sumDecimals(v)]))
}
