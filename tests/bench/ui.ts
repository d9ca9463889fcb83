/**
 * Click to rendered figures in Explore (issue 9: "click to rendered screen < 300 ms at 1M",
 * measured in Playwright): the built web host (out/webhost) serves a copy of the bench's kept
 * workspace, headless Chromium opens Explore, and each click (a group-by, a time grain, the
 * measure, undo) is timed in the page from its click event to the first animation frame after
 * the result card names the clicked pivot as the one its figures are of (data-spec-key equal to
 * data-edit-key, aria-busy false). Samples are split by what the summary line says: answered by
 * a query, or from the engine's cache. Not a test: its figures go in the bench's JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromium'
import { round, summarize, type Summary } from './stats'

/** Issue 9's target for click to rendered screen at 1M rows. */
export const CLICK_P95_TARGET_MS = 300

/** One timed click. */
interface Sample {
  action: string
  ms: number
  cached: boolean
  /** The engine's own time for the answer, as the summary line says it (the first run's when cached). */
  engineMs: number | null
}

/** What the UI part reports. */
export interface UiBench {
  /** Clicks answered by a query (first time for their pivot). */
  uncached: Summary
  /** Clicks answered from the engine's cache (a pivot asked before: back, again, undo). */
  cached: Summary
  /** Each sample, in click order. */
  samples: Sample[]
  /** Time from opening Explore to its first figures (the first query at this size, uncached). */
  firstRenderMs: number
  targetMet: boolean
  /** The machine's load average over 1 minute when the clicks ended: others' work slows every click. */
  loadavg1m: number
}

const RESULT = '[data-testid="pivot-result"]'

/** Starts the built web host on `dataDir`; resolves with its origin and token. */
async function startHost(
  dataDir: string,
): Promise<{ host: ChildProcess; origin: string; token: string }> {
  const entry = resolve('out', 'webhost', 'index.js')
  if (!existsSync(entry))
    throw new Error('The UI bench needs the build: run `npm run build` first.')
  const token = randomBytes(18).toString('base64url')
  const host = spawn(process.execPath, [entry, '--token', token, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = await new Promise<string>((done, failed) => {
    host.stdout!.once('data', (chunk: Buffer) => done(chunk.toString().trim()))
    host.once('exit', (code) => failed(new Error(`The web host exited with code ${code}.`)))
  })
  const origin = new URL(line).origin
  return { host, origin, token }
}

/** Arms the page to note when the result card next shows a pivot other than `previous`. */
async function armRender(page: Page, previous: string): Promise<void> {
  await page.evaluate(
    ({ selector, previous }) => {
      const w = window as unknown as { __doneAt?: number; __observer?: MutationObserver }
      w.__doneAt = undefined
      w.__observer?.disconnect()
      const frame = document.querySelector(selector)!
      const check = (): void => {
        const key = frame.getAttribute('data-spec-key')
        const current =
          frame.getAttribute('aria-busy') === 'false' &&
          key !== null &&
          key !== '' &&
          key !== previous &&
          key === frame.getAttribute('data-edit-key')
        if (!current) return
        w.__observer?.disconnect()
        // The figures are in the DOM; the next frame is when they are painted.
        requestAnimationFrame(() => (w.__doneAt = performance.now()))
      }
      w.__observer = new MutationObserver(check)
      w.__observer.observe(frame, { attributes: true })
    },
    { selector: RESULT, previous },
  )
}

/** Runs `click` and returns ms from its last click event to the painted result, and whether it was cached. */
async function timeClick(
  page: Page,
  click: () => Promise<void>,
): Promise<[number, boolean, number | null]> {
  const previous = (await page.locator(RESULT).getAttribute('data-spec-key')) ?? ''
  await armRender(page, previous)
  await click()
  await page.waitForFunction(() => (window as { __doneAt?: number }).__doneAt !== undefined, null, {
    timeout: 120_000,
  })
  const ms = await page.evaluate(() => {
    const w = window as unknown as { __doneAt: number; __clickAt: number }
    return w.__doneAt - w.__clickAt
  })
  const summary = (await page.getByTestId('pivot-summary').textContent()) ?? ''
  const engine = /(\d+) ms/.exec(summary)?.[1]
  return [ms, /from the cache/.test(summary), engine === undefined ? null : Number(engine)]
}

/** The clicks of one pass: group-bys, time grains, the measure and undo, each a new pivot. */
function actions(page: Page): Array<[string, () => Promise<void>]> {
  const grain = (label: string): [string, () => Promise<void>] => [
    `grain ${label}`,
    () => page.getByTestId('time-grain').getByText(label, { exact: true }).click(),
  ]
  const choose = (testId: string, option: string): [string, () => Promise<void>] => [
    `${testId} ${option}`,
    async () => {
      const input = page.getByTestId(testId)
      await input.click()
      if (await input.isEditable()) await input.fill(option)
      await page.getByRole('option', { name: option, exact: true }).click()
    },
  ]
  const undo: [string, () => Promise<void>] = [
    'undo',
    () => page.getByRole('button', { name: 'Undo', exact: true }).click(),
  ]
  return [
    grain('Day'),
    grain('Week'),
    grain('Quarter'),
    grain('None'),
    grain('Month'),
    choose('measure', 'EffectiveCost'),
    undo,
    choose('group-by-1', 'RegionId'),
    grain('Day'),
    grain('Quarter'),
    choose('measure', 'EffectiveCost'),
    choose('group-by-1', 'SubAccountId'),
    grain('Week'),
    grain('Month'),
    undo,
    choose('group-by-1', 'ChargeCategory'),
    grain('Day'),
    grain('None'),
    choose('measure', 'BilledCost'),
    choose('group-by-1', 'ServiceName'),
    grain('Month'),
  ]
}

/** Measures click to rendered figures on a copy of the workspace at `focal`; `passes` runs of the clicks. */
export async function measureUi(
  focal: string,
  work: string,
  log: (message: string) => void,
  passes = 2,
): Promise<UiBench> {
  const dataDir = resolve(work, 'ui')
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(join(dataDir, 'workspaces'), { recursive: true })
  // A copy: the host may write to the file it opens, and the kept one serves the other parts.
  copyFileSync(focal, join(dataDir, 'workspaces', 'bench.focal'))
  const { host, origin, token } = await startHost(dataDir)
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    const opened = await fetch(`${origin}/api/workspace:open`, {
      method: 'POST',
      headers: { 'x-focal-token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    })
    if (!opened.ok) throw new Error(`workspace:open answered ${opened.status}`)
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${origin}/?token=${encodeURIComponent(token)}`)
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        () => ((window as unknown as { __clickAt: number }).__clickAt = performance.now()),
        true,
      ),
    )
    const opening = performance.now()
    await page.getByTestId('nav-explore').click()
    await page.waitForFunction(
      (selector) => {
        const frame = document.querySelector(selector)
        const key = frame?.getAttribute('data-spec-key')
        return frame?.getAttribute('aria-busy') === 'false' && Boolean(key)
      },
      RESULT,
      { timeout: 300_000 },
    )
    const firstRenderMs = round(performance.now() - opening)
    log(`ui: Explore's first figures after ${firstRenderMs} ms`)
    const samples: Sample[] = []
    for (let pass = 1; pass <= passes; pass += 1) {
      for (const [action, click] of actions(page)) {
        const [ms, cached, engineMs] = await timeClick(page, click)
        samples.push({ action, ms: round(ms), cached, engineMs })
        log(
          `ui: pass ${pass} ${action}: ${round(ms)} ms${cached ? ' (cached)' : ` (engine ${engineMs} ms)`}`,
        )
      }
    }
    const uncached = summarize(samples.filter((s) => !s.cached).map((s) => s.ms))
    const cached = summarize(samples.filter((s) => s.cached).map((s) => s.ms))
    return {
      uncached,
      cached,
      samples,
      firstRenderMs,
      targetMet: Math.max(uncached.p95 || 0, cached.p95 || 0) < CLICK_P95_TARGET_MS,
      loadavg1m: round(loadavg()[0] ?? 0, 2),
    }
  } finally {
    await browser.close()
    // The host clears its scratch folder as it closes: remove the folder only once it has.
    const exited = new Promise((done) => host.once('exit', done))
    host.kill()
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}
