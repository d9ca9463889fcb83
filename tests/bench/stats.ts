/** Small measuring helpers: latency summaries, rounding, memory. */

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
