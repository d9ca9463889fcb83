/**
 * Bench part `ledger`: on a copy of the kept workspace (June 2025, 1M rows), the weekly ledger
 * of 2025-W24 against 2025-W23 through the core function (by the owner dimension, which is
 * tag:team in the synthetic data, and by ServiceName), p50/p95 over REPEATS runs against
 * issue 12's < 1 s; and a raw DuckDB baseline: the same two weeks' sums per currency and team
 * as one hand-written query on the same connection, for the ratio.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { ledgerWeek } from '../../electron/core/ledger/ledger-week'
import { Workspace } from '../../electron/core/workspace/workspace'
import { round, summarize } from './stats'

const REPEATS = 10
const WEEK = '2025-W24'
const P95_TARGET_MS = 1000

const RAW_SQL = `SELECT BillingCurrency AS c, json_extract_string(Tags, '/team') AS v,
    sum(BilledCost) FILTER (WHERE ChargePeriodStart >= TIMESTAMPTZ '2025-06-09') AS tw,
    sum(BilledCost) FILTER (WHERE ChargePeriodStart < TIMESTAMPTZ '2025-06-09') AS lw
  FROM focus WHERE ChargePeriodStart >= TIMESTAMPTZ '2025-06-02'
    AND ChargePeriodStart < TIMESTAMPTZ '2025-06-16'
  GROUP BY 1, 2`

async function time(repeats: number, run: () => Promise<unknown>): Promise<number[]> {
  await run() // warm: the first run reads the tag key list and the column catalog
  const samples: number[] = []
  for (let i = 0; i < repeats; i += 1) {
    const t = performance.now()
    await run()
    samples.push(performance.now() - t)
  }
  return samples
}

/** Measures this part on the kept workspace (`focal`), with `work` as a scratch folder. */
export async function measureLedger(
  focal: string,
  work: string,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const path = join(work, 'ledger.focal')
  copyFileSync(focal, path)
  const ws = await Workspace.open(path)
  try {
    log(`ledger: ${WEEK} by the owner dimension ×${REPEATS}`)
    const owner = summarize(await time(REPEATS, () => ledgerWeek(ws, { week: WEEK })))
    const byService = summarize(
      await time(REPEATS, () => ledgerWeek(ws, { week: WEEK, by: 'ServiceName' })),
    )
    const raw = summarize(await time(REPEATS, () => ws.all(RAW_SQL)))
    const ledger = await ledgerWeek(ws, { week: WEEK })
    return {
      measured: true,
      week: WEEK,
      by: ledger.by,
      metric: ledger.metric,
      currencies: ledger.currencies.map((c) => ({
        currency: c.currency,
        thisWeek: c.thisWeek,
        lastWeek: c.lastWeek,
        movers: c.movers.length,
      })),
      ownerMs: owner,
      serviceNameMs: byService,
      rawDuckDbMs: raw,
      ratioP50: round(owner.p50 / raw.p50),
      targets: {
        ledgerP95Under1s: { target: P95_TARGET_MS, p95: owner.p95, met: owner.p95 < P95_TARGET_MS },
        serviceNameP95Under1s: {
          target: P95_TARGET_MS,
          p95: byService.p95,
          met: byService.p95 < P95_TARGET_MS,
        },
      },
    }
  } finally {
    await ws.close()
  }
}
