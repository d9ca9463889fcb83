/**
 * The core services behind every host (DESIGN.md, Processes): the contract's
 * API over one open workspace. Hosts validate requests before calling in;
 * paths reach the core only through `stageFile`, never from the UI.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { EventName, EventOf, StagedFile } from '../../shared/contract'
import { fail } from '../../shared/contract'
import type { EventListener, FocalServices, ServicesOptions } from './host'
import { ImportJobs, type StagedEntry } from './import-jobs'
import { listCommitments } from './commitments/list-commitments'
import { importFile } from './ingest/import-file'
import { readCatalog } from './query/catalog'
import { loadedSummary, workspaceInfo } from './query/loaded'
import { exportPivot, PIVOT_EXPORT_TYPES } from './query/pivot-export'
import { runPivotValues } from './query/pivot-values'
import { editTagPolicy, readTagPolicy } from './tags/tag-policy'
import { createAllocationServices } from './services-allocation'
import { createReportServices } from './services-reports'
import { createMappingServices } from './services-mappings'
import { createRowsServices } from './services-rows'
import { createPivotServices } from './services-pivot'
import { createViewServices } from './services-views'
import { createFxServices } from './services-fx'
import { createPeriodServices } from './services-periods'
import { createLedgerServices } from './services-ledger'
import { createBudgetServices } from './services-budgets'
import { createAnomalyServices } from './services-anomalies'
import { createComplianceServices } from './services-compliance'
import { createUnitCostServices } from './services-unit-costs'
import { createVendorServices } from './services-vendors'
import { createBacklogServices } from './services-backlog'
import { createCommitmentServices } from './services-commitments'
import { createAuditServices } from './services-audit'
import { createExplainServices } from './services-explain'
import { createPresentationServices } from './services-presentation'
import { createSourcesServices } from './services-sources'
import { createCarryServices } from './services-carry'
import { createEncryptionServices } from './services-encryption'
import { createSealedServices, endSession, tempInto } from './services-sealed'
import type { SealedSession } from './crypto/sealed-session'
import { recordRecent } from './carry/recent-list'
import { logError, logEvent, openLog } from './log/focal-log'
import { getMapping } from './mappings/mappings-store'
import { listImports } from './workspace/imports-registry'
import { Workspace } from './workspace/workspace'

/** Creates the services for one host. */
export async function createServices(options: ServicesOptions): Promise<FocalServices> {
  mkdirSync(options.workspacesDir, { recursive: true })
  mkdirSync(options.scratchDir, { recursive: true })
  clearScratch(options.scratchDir)
  // The app's data folder holds the workspaces folder (both hosts), the log and the Recent list.
  const dataDir = dirname(resolve(options.workspacesDir))
  openLog(dataDir)
  logEvent('app.start', { host: options.host, version: options.version })
  const listeners = new Set<EventListener>()
  const staged = new Map<string, StagedEntry>()
  // `sealed`: the open workspace is a sealed one's plaintext in RAM (services-sealed.ts), ended
  // (encrypted back, RAM folder removed) right after the workspace closes, however it closes.
  let current: { ws: Workspace; scratch: boolean; sealed?: SealedSession } | null = null
  let restoreTemp: (() => void) | null = null
  const endSealed = async (closed: typeof current): Promise<void> => {
    if (!closed?.sealed) return
    restoreTemp?.()
    restoreTemp = null
    await endSession(closed.sealed)
  }

  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    for (const listener of listeners) listener(event, payload)
  }
  const open = (): { ws: Workspace; scratch: boolean; sealed?: SealedSession } =>
    current ?? fail('NO_WORKSPACE', 'No workspace is open.')
  const info = async () => ({
    ...(await workspaceInfo(open().ws, open().scratch)),
    ...(open().sealed ? { sealed: true } : {}),
  })
  const announce = async () => emit('workspace:changed', current ? await info() : null)
  const jobs = new ImportJobs(
    (job) => emit('import:progress', job),
    // Best effort: the workspace may have closed under a cancelled job.
    () => void announce().catch(() => undefined),
  )

  const workspace = (): Workspace => open().ws
  const allocation = createAllocationServices({
    workspace,
    examplesDir: options.examplesDir ?? null,
  })
  const reports = createReportServices({ workspace, emit, reportsDir: options.reportsDir ?? null })
  const rows = createRowsServices(workspace)
  const pivots = createPivotServices(workspace)
  const mappings = createMappingServices({
    workspace,
    staged: (token) =>
      staged.get(token) ?? fail('NOT_FOUND', 'That file is no longer staged; choose it again.'),
  })

  const switchTo = async (
    path: string,
    create: boolean,
    scratch: boolean,
    sealed?: SealedSession,
  ) => {
    // Already open (a second tab): keep it and its jobs. A second DuckDB instance on the same
    // file in one process would not be stopped by the file lock and would write over the first.
    if (current && resolve(current.ws.snapshot?.path ?? current.ws.path) === resolve(path))
      return info()
    // A workspace another Focal holds opens as a read-only snapshot, saying so (snapshot.ts).
    const next = await Workspace.open(path, {
      create,
      whenLocked: create ? 'fail' : 'snapshot',
    }).catch((cause: unknown) => {
      logError(cause)
      sealed?.discard()
      throw cause
    })
    jobs.cancelAll()
    reports.cancelAll()
    pivots.cancelAll()
    pivots.forget()
    const previous = current
    current = { ws: next, scratch, ...(sealed ? { sealed } : {}) }
    await previous?.ws.close()
    if (previous) logEvent('workspace.close', { workspace: previous.ws.name })
    await endSealed(previous)
    if (sealed) restoreTemp = tempInto(sealed.folder)
    logEvent('workspace.open', { workspace: next.name, readOnly: next.readOnly })
    // A sealed workspace is not in the workspaces folder as `<name>.focal`: not a Recent entry.
    if (!scratch && !sealed) recordRecent(dataDir, next.name)
    return info()
  }

  const carry = createCarryServices({
    current: () => current?.ws ?? null,
    openPath: async (path) => {
      const result = await switchTo(path, false, false)
      await announce()
      return result
    },
    workspacesDir: options.workspacesDir,
    dataDir,
    version: options.version,
    host: options.host,
  })
  const services: FocalServices = {
    'app:info': async () => ({
      version: options.version,
      host: options.host,
      sampleAvailable: options.sampleFile !== null,
      workspace: current ? await info() : null,
    }),
    'workspace:list': async () =>
      readdirSync(options.workspacesDir)
        .filter((f) => f.endsWith('.focal'))
        .map((f) => {
          const stat = statSync(join(options.workspacesDir, f))
          return {
            name: f.slice(0, -'.focal'.length),
            sizeBytes: stat.size,
            modifiedAt: stat.mtime.toISOString(),
          }
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    'workspace:create': async ({ name }) => {
      const path = join(options.workspacesDir, `${name}.focal`)
      if (existsFile(path))
        fail('BAD_REQUEST', `A workspace named ${name} already exists; open it instead.`)
      const result = await switchTo(path, true, false)
      await announce()
      return result
    },
    'workspace:open': async ({ name }) => {
      const result = await switchTo(join(options.workspacesDir, `${name}.focal`), false, false)
      await announce()
      return result
    },
    'workspace:openSample': async () => {
      if (!options.sampleFile) fail('NOT_FOUND', 'This build ships no sample data.')
      const path = join(
        options.scratchDir,
        `sample-${Date.now()}-${randomBytes(3).toString('hex')}.focal`,
      )
      await switchTo(path, true, true)
      const record = await importFile(open().ws, options.sampleFile, {
        displayName: basename(options.sampleFile),
      })
      if (record.status !== 'imported' && record.error)
        fail(record.error.code, record.error.message)
      await announce()
      return info()
    },
    'workspace:close': async () => {
      jobs.cancelAll()
      reports.cancelAll()
      pivots.cancelAll()
      pivots.forget()
      const closing = current?.ws.close()
      if (current) logEvent('workspace.close', { workspace: current.ws.name })
      const closed = current
      current = null
      await closing
      await endSealed(closed)
      await announce()
      return null
    },
    'workspace:info': async () => (current ? info() : null),
    'import:start': async ({
      files,
      onOverlap,
      azureCostView,
      allowIncomplete,
      mapping,
      assume,
    }) => {
      const entries = files.map(
        (token) =>
          staged.get(token) ?? fail('NOT_FOUND', 'That file is no longer staged; choose it again.'),
      )
      // A saved column mapping the user chose reads each of the files (core/mappings).
      const loaded = mapping === undefined ? undefined : await getMapping(open().ws, mapping)
      const chosen = loaded ? entries.map((entry) => ({ ...entry, mapping: loaded })) : entries
      return {
        jobId: jobs.start(open().ws, chosen, onOverlap, azureCostView, allowIncomplete, assume),
      }
    },
    'import:status': async ({ jobId }) =>
      jobs.get(jobId) ?? fail('NOT_FOUND', `No import job ${jobId}.`),
    'import:cancel': async ({ jobId }) => {
      if (!jobs.cancel(jobId)) fail('NOT_FOUND', `No import job ${jobId}.`)
      return null
    },
    'imports:list': async () => listImports(open().ws),
    'loaded:summary': async () => loadedSummary(open().ws),
    'commitments:list': async () => listCommitments(open().ws),
    'catalog:get': async () => readCatalog(open().ws),
    'tags:policy': async () => readTagPolicy(open().ws),
    'tags:edit': async (edit) => {
      const policy = await editTagPolicy(open().ws, edit)
      // Canonical keys changed: screens holding the catalog read it again.
      await announce()
      return policy
    },
    ...pivots.api,
    'pivot:export': async ({ spec, format }) => {
      const { ws, scratch } = open()
      // The name the screen shows (session-slice.ts): a scratch sample is "Sample data".
      const file = await exportPivot(
        ws,
        spec,
        format,
        new Date(),
        scratch ? 'Sample data' : ws.name,
      )
      return {
        fileName: file.fileName,
        mediaType: PIVOT_EXPORT_TYPES[format],
        base64: Buffer.from(file.bytes).toString('base64'),
      }
    },
    'pivot:values': async (request) => runPivotValues(open().ws, request),
    ...allocation,
    ...mappings,
    ...createViewServices(workspace),
    ...createFxServices(workspace),
    ...createPeriodServices(workspace),
    ...createLedgerServices(workspace),
    ...createBudgetServices(workspace),
    ...createAnomalyServices(workspace),
    ...createComplianceServices(workspace),
    ...createUnitCostServices(workspace),
    ...createVendorServices(workspace),
    ...createBacklogServices(workspace),
    ...createCommitmentServices(workspace),
    ...createAuditServices(workspace),
    ...createExplainServices(workspace),
    ...createPresentationServices(workspace),
    ...createSourcesServices(workspace),
    ...carry,
    'workspace:saveAs': async (request) => {
      // A copy would be the sealed workspace's plaintext on disk.
      if (current?.sealed)
        fail(
          'BAD_REQUEST',
          `${current.ws.name} is sealed: Save as would write it to disk unencrypted.`,
          {
            hint: 'Carry its .focal.enc file instead, or use Decrypt and open if you mean to keep a plain copy.',
          },
        )
      return carry['workspace:saveAs'](request)
    },
    // Encrypt the open workspace to carry it; decrypt one and open it (crypto/carry-workspace.ts).
    ...createEncryptionServices({
      current: () => current,
      close: () => services['workspace:close']({}),
      openPath: async (path) => {
        const result = await switchTo(path, false, false)
        await announce()
        return result
      },
      workspacesDir: options.workspacesDir,
    }),
    // Open or create a sealed workspace: its plaintext only in RAM for the session.
    ...createSealedServices({
      session: () => current?.sealed ?? null,
      info,
      openSession: async (session) => {
        const result = await switchTo(session.workspacePath, false, false, session)
        await announce()
        return result
      },
      workspacesDir: options.workspacesDir,
    }),
    ...rows.api,
    ...reports.api,
    exportReportTo: (request, folder) => reports.exportTo(request, folder),
    rowSourceIn: (key, folder) => rows.sourceIn(key, folder),
    reportFile: (jobId, name) => reports.file(jobId, name),
    stagingFolder: () => current?.sealed?.folder ?? null,
    stageFile: async (path, name): Promise<StagedFile> => {
      const stat = statSync(path)
      if (!stat.isFile()) fail('IO_ERROR', `${name} is not a regular file.`)
      const token = randomBytes(18).toString('base64url')
      staged.set(token, { path, name: basename(name), sizeBytes: stat.size })
      return { token, name: basename(name), sizeBytes: stat.size }
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      jobs.cancelAll()
      reports.cancelAll()
      pivots.cancelAll()
      pivots.forget()
      const closing = current?.ws.close()
      if (current) logEvent('workspace.close', { workspace: current.ws.name })
      const closed = current
      current = null
      await closing
      await endSealed(closed)
      clearScratch(options.scratchDir)
      logEvent('app.stop', {})
    },
  }
  return services
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Scratch workspaces are throwaway: removed on start and on close. */
function clearScratch(dir: string): void {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('sample-')) rmSync(join(dir, entry), { force: true })
  }
}
