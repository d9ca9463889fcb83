/**
 * Times every statement a workspace's writer connection runs, by wrapping
 * its run/runAndReadAll/stream methods (the lowest level ws.run, ws.all,
 * ws.transaction and streamed reads pass through). Nothing in electron/core
 * is changed. Steps are named by a classifier, or by the statement's first
 * words with generated table ids folded, so repeated statements add up.
 * Only the outermost call is timed: runAndReadAll calls run itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { Workspace } from '../../electron/core/workspace/workspace'
import { mark, roundStep, since, type Mark, type StepTime } from './stats'

/** A step's total time and how many statements it took. */
export interface TracedStep extends StepTime {
  count: number
}

/** What a trace collected. */
export interface SqlTrace {
  /** Per step, in the order steps first occurred. */
  steps(): Record<string, TracedStep>
  /** Adds Node-side time (between statements) under `step`. */
  add(step: string, time: StepTime): void
  /** The end of the last statement (for gaps measured by the caller). */
  lastEnd(): Mark
}

/** The default step name: the statement's first 100 characters, whitespace collapsed, table ids folded. */
export function statementLabel(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(focal_[a-z_]+_)[0-9a-f]{12}/g, '$1<id>')
    .replace(/stage_\d+_\d+/g, 'stage_<id>')
    .slice(0, 100)
}

/**
 * Wraps `ws.writer` so every statement is timed under `classify(sql)`;
 * with `gaps`, the time between statements longer than 1 ms is added as
 * "node work before: <step>".
 */
export function traceWriter(
  ws: Workspace,
  options: { classify?: (sql: string) => string; gaps?: boolean } = {},
): SqlTrace {
  const classify = options.classify ?? statementLabel
  const steps = new Map<string, TracedStep>()
  const add = (step: string, time: StepTime, count = 0): void => {
    const sum = steps.get(step) ?? { ms: 0, cpuMs: 0, count: 0 }
    steps.set(step, {
      ms: sum.ms + time.ms,
      cpuMs: sum.cpuMs + time.cpuMs,
      count: sum.count + count,
    })
  }
  let last = mark()
  const inside = new AsyncLocalStorage<true>()
  const trace =
    <A extends [string, ...unknown[]], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (inside.getStore()) return call(...args)
      const step = classify(args[0])
      const start = mark()
      if (options.gaps && start.wall - last.wall > 1)
        add(`node work before: ${step}`, since(last, start))
      try {
        return await inside.run(true, () => call(...args))
      } finally {
        last = mark()
        add(step, since(start, last), 1)
      }
    }
  const writer: DuckDBConnection = ws.writer
  writer.run = trace(writer.run.bind(writer))
  writer.runAndReadAll = trace(writer.runAndReadAll.bind(writer))
  // A stream's rows are read after it returns, so only its start is timed here.
  writer.stream = trace(writer.stream.bind(writer))
  return {
    steps: () =>
      Object.fromEntries(
        [...steps].map(([step, t]) => [step, { ...roundStep(t), count: t.count }]),
      ),
    add: (step, time) => add(step, time),
    lastEnd: () => last,
  }
}
