/** Small measuring helpers: latency summaries, rounding, CPU, memory, machine load. */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'

/** Latency summary of repeated runs, in ms. */
export interface Summary {
  n: number
  p50: number
  p95: number
  min: number
  max: number
}

/** Nearest-rank percentiles (p95 of 20 samples is the 19th smallest). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number): number =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
  return {
    n: sorted.length,
    p50: round(rank(50)),
    p95: round(rank(95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
  }
}

/** Rounds to `digits` decimals (default 1). */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/** CPU time (user + system, all threads of the process) since `start`, in ms. */
export function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** Bytes → MB (10^6), 1 decimal. */
export function mb(bytes: number): number {
  return round(bytes / 1e6)
}

/** The process's peak resident set so far (maxRSS, high-water mark), in MB. */
export function peakRssMB(): number {
  return round((process.resourceUsage().maxRSS * 1024) / 1e6)
}

/**
 * Samples the current RSS every 20 ms until stopped and returns its peak in MB:
 * the peak of one phase, which maxRSS (a process-wide high-water mark) cannot give.
 * Synchronous native work (a checkpoint in closeSync) blocks sampling, so it may be missed.
 */
export function sampleRss(): () => number {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  return () => {
    clearInterval(timer)
    return mb(Math.max(peak, process.memoryUsage.rss()))
  }
}

/** Wall and CPU time (all threads of this process) of one step, in ms. */
export interface StepTime {
  ms: number
  cpuMs: number
}

/** A point in time: wall clock and process CPU usage. */
export interface Mark {
  wall: number
  cpu: NodeJS.CpuUsage
}

/** The current wall clock and process CPU usage. */
export function mark(): Mark {
  return { wall: performance.now(), cpu: process.cpuUsage() }
}

/** Wall and CPU time between two marks, unrounded. */
export function since(from: Mark, to: Mark = mark()): StepTime {
  const cpu = (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000
  return { ms: to.wall - from.wall, cpuMs: cpu }
}

/** A StepTime rounded to 0.1 ms. */
export function roundStep(t: StepTime): StepTime {
  return { ms: round(t.ms), cpuMs: round(t.cpuMs) }
}

/** What the whole machine did while a phase ran (Linux /proc/stat; null elsewhere). */
export interface MachineShare {
  /** Busy share of all cores over the phase, in % (100 = every core busy all the time). */
  busyPct: number
  /** CPU time other processes used meanwhile, in ms: machine busy time minus this process's CPU time. */
  othersCpuMs: number
  /** 1-minute load average at the start and at the end. */
  loadavg1: [number, number]
}

// Busy and total jiffies of all cores (first line of /proc/stat), in ms (USER_HZ = 100).
function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
    const f = line.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const idle = (f[3] ?? 0) + (f[4] ?? 0)
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0)
    return { busy: (total - idle) * 10, total: total * 10 }
  } catch {
    return null
  }
}

/** Starts watching the machine; the returned function tells what it did since, given this process's CPU time. */
export function watchMachine(): (ownCpuMs: number) => MachineShare | null {
  const start = machineTicks()
  const load = loadavg()[0] ?? 0
  return (ownCpuMs) => {
    const end = machineTicks()
    if (!start || !end || end.total === start.total) return null
    const busy = end.busy - start.busy
    return {
      busyPct: round((100 * busy) / (end.total - start.total)),
      othersCpuMs: round(Math.max(0, busy - ownCpuMs)),
      loadavg1: [round(load, 2), round(loadavg()[0] ?? 0, 2)],
    }
  }
}

/** One measured phase: wall, CPU, sampled peak RSS and what the rest of the machine did. */
export interface Measured extends StepTime {
  rssPeakMB: number
  machine: MachineShare | null
}

/** Runs `work` and measures it (wall, CPU of all threads, sampled peak RSS, machine share). */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ value: T; measured: Measured }> {
  const stopRss = sampleRss()
  const machine = watchMachine()
  const start = mark()
  const value = await work()
  const t = since(start)
  return {
    value,
    measured: { ...roundStep(t), rssPeakMB: stopRss(), machine: machine(t.cpuMs) },
  }
}

/** Samples the 1-minute load average every `intervalMs` over the whole run. */
export function sampleLoadavg(intervalMs = 5000): () => {
  samples: number
  min: number
  max: number
  mean: number
} {
  const values = [loadavg()[0] ?? 0]
  const timer = setInterval(() => values.push(loadavg()[0] ?? 0), intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    values.push(loadavg()[0] ?? 0)
    return {
      samples: values.length,
      min: round(Math.min(...values), 2),
      max: round(Math.max(...values), 2),
      mean: round(values.reduce((a, b) => a + b, 0) / values.length, 2),
    }
  }
}
