/**
 * Synthetic daily cost series for measuring the anomaly scan (issue 12): each series has a
 * level, a weekday pattern (weekends at 80 %) and normal noise of a known standard deviation
 * σ; some get one injected change of known kind, size (in σ, "deviations"), direction and day:
 * a one-day spike, a level shift that stays, or a slow drift that grows over 14 days and
 * stays. Seeded, so the same arguments always give the same rows. Each series-day is two FOCUS
 * rows (resources `…-base` with the noise and `…-moving` with the change), so the change's
 * driver is known too.
 */
import { HISTORY_DAYS, addDays } from '../../shared/anomalies'

/** An injected change. */
export interface InjectedChange {
  readonly series: number
  readonly service: string
  readonly account: string
  readonly kind: 'spike' | 'shift' | 'drift'
  readonly day: string
  /** In deviations (multiples of the series' σ). */
  readonly size: number
  readonly direction: 'up' | 'down'
}

/** What to generate. */
export interface GeneratorOptions {
  readonly series: number
  /** Days scanned; the 56 days of history before them are generated too. */
  readonly days: number
  readonly seed: number
  /** The first scanned day (YYYY-MM-DD). */
  readonly from: string
  /** Share of series that get a change (0 to 1). */
  readonly changed: number
  /** Sizes in deviations, used in turn. */
  readonly sizes: readonly number[]
}

/** The generated CSV text, the changes injected, and the scanned range. */
export interface GeneratedSeries {
  readonly csv: string
  readonly changes: readonly InjectedChange[]
  readonly from: string
  readonly to: string
  readonly rows: number
}

/** Days of history before the scanned range (shared/anomalies HISTORY_DAYS). */
export const HISTORY = HISTORY_DAYS

/** The FOCUS columns the generated CSV has. */
export const HEADER = [
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ServiceName',
  'SubAccountId',
  'ResourceId',
  'SkuId',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'Tags',
]

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The series' names: service × account. */
export function seriesName(i: number): { service: string; account: string } {
  return {
    service: `svc-${String(i % 50).padStart(2, '0')}`,
    account: `acct-${Math.floor(i / 50)}`,
  }
}

/** Generates the series (see the file's comment). */
export function generateSeries(options: GeneratorOptions): GeneratedSeries {
  const rand = random(options.seed)
  const normal = (): number => {
    const u = Math.max(rand(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
  }
  const total = HISTORY + options.days
  const start = addDays(options.from, -HISTORY)
  const to = addDays(options.from, options.days - 1)
  const kinds = ['spike', 'shift', 'drift'] as const
  const changes: InjectedChange[] = []
  const lines: string[] = [HEADER.join(',')]
  for (let i = 0; i < options.series; i++) {
    const { service, account } = seriesName(i)
    const level = 200 * Math.exp(rand() * 3)
    const sigma = 0.05 * level
    let change: InjectedChange | null = null
    if (rand() < options.changed) {
      const n = changes.length
      // Late enough to be scored, early enough for a shift or drift to show.
      const offset = 3 + Math.floor(rand() * Math.max(1, options.days - 20))
      change = {
        series: i,
        service,
        account,
        kind: kinds[n % kinds.length] ?? 'spike',
        day: addDays(options.from, offset),
        size: options.sizes[Math.floor(n / kinds.length) % options.sizes.length] ?? 3,
        direction: Math.floor(n / (kinds.length * options.sizes.length)) % 2 ? 'down' : 'up',
      }
      changes.push(change)
    }
    for (let d = 0; d < total; d++) {
      const day = addDays(start, d)
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
      const pattern = weekday === 0 || weekday === 6 ? 0.8 : 1
      const base = 0.5 * level * pattern + sigma * normal()
      const moving = 0.5 * level * pattern + injected(change, day, sigma)
      for (const [part, amount] of [
        ['base', base],
        ['moving', moving],
      ] as const)
        lines.push(
          row(account, service, `${service}/${account}-${part}`, `sku-${part}`, day, amount),
        )
    }
  }
  return { csv: `${lines.join('\n')}\n`, changes, from: options.from, to, rows: lines.length - 1 }
}

function injected(change: InjectedChange | null, day: string, sigma: number): number {
  if (!change || day < change.day) return 0
  const sign = change.direction === 'up' ? 1 : -1
  const amount = sign * change.size * sigma
  if (change.kind === 'spike') return day === change.day ? amount : 0
  if (change.kind === 'shift') return amount
  // A drift grows by equal steps over 14 days, then stays.
  const elapsed = Math.round((Date.parse(day) - Date.parse(change.day)) / 86_400_000) + 1
  return (amount * Math.min(elapsed, 14)) / 14
}

function row(
  account: string,
  service: string,
  resource: string,
  sku: string,
  day: string,
  amount: number,
): string {
  return focusLine({ account, service, resource, sku, day, cost: amount.toFixed(2) })
}

/** One FOCUS CSV line of a day's usage cost (BilledCost = EffectiveCost = `cost`, USD). */
export function focusLine(line: {
  account: string
  service: string
  resource: string
  sku: string
  day: string
  cost: string
  currency?: string
  /** The Tags JSON object, if any. */
  tags?: Readonly<Record<string, string>>
}): string {
  const { account, service, resource, sku, day, cost } = line
  const month = `${day.slice(0, 7)}-01`
  const next = new Date(`${month}T00:00:00Z`)
  next.setUTCMonth(next.getUTCMonth() + 1)
  return [
    'ba-1',
    line.currency ?? 'USD',
    `${month}T00:00:00Z`,
    next.toISOString().replace('.000', ''),
    `${day}T00:00:00Z`,
    `${addDays(day, 1)}T00:00:00Z`,
    'Usage',
    service,
    account,
    resource,
    sku,
    cost,
    cost,
    cost,
    cost,
    // A CSV field: the JSON's quotes doubled, the whole quoted.
    line.tags ? `"${JSON.stringify(line.tags).replaceAll('"', '""')}"` : '',
  ].join(',')
}

/** A run the scan found, as the measurement reads it. */
export interface FoundRun {
  readonly service: string | null
  readonly account: string | null
  readonly day: string
  readonly direction: 'up' | 'down'
}

/** Days after a change's day within which finding it counts: the day itself for a spike. */
const FIND_WITHIN = { spike: 0, shift: 2, drift: 21 } as const
/** Days after a change's day during which a run in its series is its echo, not a false alarm. */
const ECHO_DAYS = 35

/** Precision over all runs found, and recall per kind and size of the injected changes. */
export function measure(
  changes: readonly InjectedChange[],
  runs: readonly FoundRun[],
): {
  precision: number
  found: number
  falseAlarms: number
  recall: Record<string, { changes: number; found: number; recall: number }>
} {
  const bySeries = new Map(changes.map((c) => [`${c.service}|${c.account}`, c]))
  let falseAlarms = 0
  for (const run of runs) {
    const change = bySeries.get(`${run.service}|${run.account}`)
    const since = change ? (Date.parse(run.day) - Date.parse(change.day)) / 86_400_000 : -1
    if (!change || since < 0 || since > (change.kind === 'spike' ? 0 : ECHO_DAYS)) falseAlarms++
  }
  const recall: Record<string, { changes: number; found: number; recall: number }> = {}
  for (const c of changes) {
    const hit = runs.some((run) => {
      if (run.service !== c.service || run.account !== c.account || run.direction !== c.direction)
        return false
      const since = (Date.parse(run.day) - Date.parse(c.day)) / 86_400_000
      return since >= 0 && since <= FIND_WITHIN[c.kind]
    })
    for (const group of [`${c.kind}`, `${c.kind} ${c.size}σ`]) {
      const g = (recall[group] ??= { changes: 0, found: 0, recall: 0 })
      g.changes++
      if (hit) g.found++
      g.recall = g.found / g.changes
    }
  }
  const found = runs.length - falseAlarms
  return { precision: runs.length ? found / runs.length : 1, found, falseAlarms, recall }
}
