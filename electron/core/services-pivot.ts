/**
 * Explore's query runtime behind `pivot:run`, `pivot:table`, `pivot:cancel` and
 * `pivot:progress` (issue 9: queries "can be cancelled, show progress, are cached
 * per spec"). Each run is registered under its queryId so a cancel or a progress
 * poll finds it, whichever of the two kinds it is; answers are cached per spec and
 * data version (query/cache.ts).
 */
import type { ResponseOf } from '../../shared/contract'
import type { PivotSpec } from '../../shared/pivot'
import { AnswerCache, answerKey } from './query/cache'
import { runPivot, runPivotTable, type PivotResult } from './query/pivot'
import type { QueryControl } from './query/reader-run'
import type { Workspace } from './workspace/workspace'

type PivotTableAnswer = ResponseOf<'pivot:table'>

interface Running {
  controller: AbortController
  started: number
  progress: () => number | null
}

/** The pivot channels over the open workspace; `cancelAll` and `forget` for workspace switches. */
export function createPivotServices(workspace: () => Workspace) {
  const running = new Map<string, Running>()
  // Over HTTP a cancel can overtake the run it cancels: remember it for when the run arrives.
  const cancelledEarly = new Set<string>()
  const cache = new AnswerCache<PivotResult | PivotTableAnswer>()
  let cachedFor: Workspace | null = null

  /** The cache of `ws`: answers of another workspace (or of this file before it was reopened) never show. */
  const cacheOf = (ws: Workspace): AnswerCache<PivotResult | PivotTableAnswer> => {
    if (cachedFor !== ws) cache.clear()
    cachedFor = ws
    return cache
  }

  const track = async <T>(
    queryId: string | undefined,
    run: (control: QueryControl) => Promise<T>,
  ): Promise<T> => {
    if (queryId === undefined) return run({})
    running.get(queryId)?.controller.abort()
    const entry: Running = {
      controller: new AbortController(),
      started: performance.now(),
      progress: () => null,
    }
    running.set(queryId, entry)
    if (cancelledEarly.delete(queryId)) entry.controller.abort()
    try {
      return await run({
        signal: entry.controller.signal,
        watch: (progress) => (entry.progress = progress),
      })
    } finally {
      if (running.get(queryId) === entry) running.delete(queryId)
    }
  }

  /** Answers `kind` of `spec` from the cache, or runs it and keeps the answer when the data did not change meanwhile. */
  const answer = async <T extends PivotResult | PivotTableAnswer>(
    kind: 'run' | 'table',
    spec: PivotSpec,
    compute: (ws: Workspace) => Promise<{ value: T; bytes: number }>,
    hit: (value: T) => T,
  ): Promise<T> => {
    const ws = workspace()
    const version = ws.dataVersion
    const key = answerKey(kind, version, spec)
    const found = cacheOf(ws).get(key) as T | undefined
    if (found) return hit(found)
    const { value, bytes } = await compute(ws)
    // A write that started or ended while the query ran may or may not be in its figures.
    if (ws.dataVersion === version) cacheOf(ws).set(key, value, bytes)
    return value
  }

  const api = {
    'pivot:run': async ({ spec, queryId }: { spec: PivotSpec; queryId: string }) =>
      answer<PivotResult>(
        'run',
        spec,
        async (ws) => {
          const result = await track(queryId, (control) => runPivot(ws, spec, control))
          // The answer's bytes may be moved to the window (port-handler transferablesOf): keep a copy.
          const kept = { meta: result.meta, arrow: result.arrow.slice() }
          return { value: kept, bytes: kept.arrow.byteLength }
        },
        (kept) => ({ meta: { ...kept.meta, cached: true }, arrow: kept.arrow.slice() }),
      ),
    'pivot:table': async ({ spec, queryId }: { spec: PivotSpec; queryId?: string }) =>
      answer<PivotTableAnswer>(
        'table',
        spec,
        async (ws) => {
          const table = await track(queryId, (control) => runPivotTable(ws, spec, control))
          // Strings are about two bytes a character; the JSON text is a fair measure of the rest.
          return { value: table, bytes: JSON.stringify(table.rows).length * 2 }
        },
        (table) => ({ ...table, cached: true }),
      ),
    'pivot:cancel': async ({ queryId }: { queryId: string }) => {
      const entry = running.get(queryId)
      if (entry) {
        entry.controller.abort()
        return null
      }
      // A few hundred ids at most: the oldest are of runs that ended long ago.
      for (const old of cancelledEarly) if (cancelledEarly.size >= 256) cancelledEarly.delete(old)
      cancelledEarly.add(queryId)
      return null
    },
    'pivot:progress': async ({ queryId }: { queryId: string }) => {
      const entry = running.get(queryId)
      if (!entry) return null
      return {
        elapsedMs: Math.round(performance.now() - entry.started),
        percent: entry.progress(),
      }
    },
  }

  return {
    api,
    /** Interrupts every running pivot query (a workspace closes or another opens). */
    cancelAll: (): void => {
      for (const entry of running.values()) entry.controller.abort()
    },
    /** Forgets every cached answer. */
    forget: (): void => {
      cache.clear()
      cachedFor = null
    },
  }
}
