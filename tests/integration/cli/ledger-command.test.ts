/**
 * The built `focal ledger` command on the demo sample: the default week and owner dimension,
 * the aligned table with flagged movers, --json and --csv with the same exact figures,
 * explain and signoff kept for the next run, and usage errors with exit code 2. The figures
 * are those tests/integration/ledger/ledger-week.test.ts derives from the CSV itself.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEDGER_CHANNELS } from '../../../shared/contract/ledger'
import { parseCsv } from '../../helpers/csv-sums'
import { focal } from '../../helpers/cli'
import { ROOT, tempDir } from '../../helpers/paths'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
let ws: string
beforeAll(async () => {
  ws = join(tempDir(), 'ledger.focal')
  expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
})

describe('focal ledger', () => {
  it('prints the latest complete week by the owner dimension, marking movers that need a sign-off', async () => {
    const run = await focal('ledger', '-w', ws, '--top', '3')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'Weekly cost ledger 2024-W39 (2024-09-23 to 2024-09-30, UTC, end exclusive) against 2024-W38\nBilledCost by SubAccountName (the owner dimension); top 3 movers by |delta| per currency.',
    )
    expect(run.stdout).toMatch(
      /^!\s+Atlas Orion\s+6\.6439612724\s+4\.9816431895\s+-1\.6623180829\s+-25\.02%$/m,
    )
    expect(run.stdout).toMatch(
      /^\s+Total\s+8\.10435416364\s+5\.6560031254\s+-2\.44835103824\s+-30\.21%$/m,
    )
  })

  it('gives the same figures as JSON and CSV, the metric named in both', async () => {
    const json = JSON.parse(
      (await focal('ledger', '-w', ws, '--week', '2024-W39', '--metric', 'EffectiveCost', '--json'))
        .stdout,
    ) as Record<string, unknown>
    const ledger = LEDGER_CHANNELS['ledger:week'].response.parse(json)
    expect(ledger.metric).toBe('EffectiveCost')
    const csv = await focal(
      'ledger',
      '-w',
      ws,
      '--week',
      '2024-W39',
      '--metric',
      'EffectiveCost',
      '--csv',
    )
    const [header = [], ...lines] = parseCsv(csv.stdout)
    expect(header.slice(0, 9)).toEqual([
      'Week',
      'Dimension',
      'Metric',
      'Currency',
      'Line',
      'Value',
      'LastWeek',
      'ThisWeek',
      'Delta',
    ])
    const total = lines.find((l) => l[4] === 'total')
    const usd = ledger.currencies[0]
    expect(total?.slice(0, 9)).toEqual([
      '2024-W39',
      'SubAccountName',
      'EffectiveCost',
      'USD',
      'total',
      '',
      usd?.lastWeek,
      usd?.thisWeek,
      usd?.delta,
    ])
    expect(lines.filter((l) => l[4] === 'mover').map((l) => l[5])).toEqual(
      usd?.movers.map((m) => m.value),
    )
  })

  it('explains and signs off a mover; the next ledger shows both', async () => {
    const noText = await focal(
      'ledger',
      'explain',
      '-w',
      ws,
      '--week',
      '2024-W39',
      '--value',
      'Atlas Orion',
    )
    expect(noText.code).toBe(2)
    const unsigned = await focal(
      'ledger',
      'signoff',
      '-w',
      ws,
      '--week',
      '2024-W39',
      '--value',
      'Pioneer Zenith',
    )
    expect(unsigned.code).toBe(1)
    expect(unsigned.stderr).toContain(
      '2024-W39 SubAccountName=Pioneer Zenith has no explanation to sign off.',
    )
    const explained = await focal(
      'ledger',
      'explain',
      '-w',
      ws,
      '--week',
      '2024-W39',
      '--value',
      'Atlas Orion',
      '--text',
      'AKS node pool scaled down',
      '--owner',
      'platform',
    )
    expect(explained.code).toBe(0)
    expect(explained.stdout).toContain(
      'Explained 2024-W39 Atlas Orion (owner platform); not signed off yet.',
    )
    const signed = await focal(
      'ledger',
      'signoff',
      '-w',
      ws,
      '--week',
      '2024-W39',
      '--value',
      'Atlas Orion',
      '--json',
    )
    expect(signed.code).toBe(0)
    const explanation = JSON.parse(signed.stdout) as { signedBy: string; signedAt: string }
    const run = await focal('ledger', '-w', ws, '--week', '2024-W39', '--top', '3')
    expect(run.stdout).toMatch(
      new RegExp(
        `^\\s+Atlas Orion .*-25\\.02%\\s+${explanation.signedBy} ${explanation.signedAt}\\s+platform: AKS node pool scaled down$`,
        'm',
      ),
    )
  })

  it('answers mistakes with exit code 2 and a bad week with 1', async () => {
    expect((await focal('ledger', '-w', ws, '--metric', 'ListCost')).code).toBe(2)
    expect((await focal('ledger', '-w', ws, '--top', '0')).code).toBe(2)
    expect((await focal('ledger', '--week', '2024-W39')).code).toBe(2)
    expect((await focal('ledger', 'approve', '-w', ws)).code).toBe(2)
    const bad = await focal('ledger', '-w', ws, '--week', '2021-W53')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('2021 has weeks 1 to 52; 2021-W53 is not one of them.')
  })

  it('reads and sets the sign-off threshold; the ledger flags and states the stored one', async () => {
    const shown = await focal('ledger', 'settings', '-w', ws)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toBe(
      'Sign-off threshold: a mover is flagged when |delta| ≥ 1000 in its currency or |delta %| ≥ 20%, until it is signed off.\n',
    )
    // Pioneer Zenith moved -99.65%, Voyager Orion -100%: under 100% only Voyager Orion is flagged.
    const pioneer = /^(!?)\s+Pioneer Zenith\s/m
    const voyager = /^(!?)\s+Voyager Orion\s/m
    const before = await focal('ledger', '-w', ws, '--week', '2024-W39', '--top', '5')
    expect(pioneer.exec(before.stdout)?.[1]).toBe('!')
    expect(voyager.exec(before.stdout)?.[1]).toBe('!')
    const set = await focal('ledger', 'settings', '-w', ws, '--amount', 'off', '--percent', '100')
    expect(set.code).toBe(0)
    expect(set.stdout).toContain(
      'Sign-off threshold set: a mover is flagged when |delta %| ≥ 100%,',
    )
    const after = await focal('ledger', '-w', ws, '--week', '2024-W39', '--top', '5')
    expect(pioneer.exec(after.stdout)?.[1]).toBe('')
    expect(voyager.exec(after.stdout)?.[1]).toBe('!')
    expect(after.stdout).toContain('! needs a sign-off: |delta %| ≥ 100%, not signed off.')
    const json = JSON.parse(
      (await focal('ledger', '-w', ws, '--week', '2024-W39', '--json')).stdout,
    ) as { threshold: unknown }
    expect(json.threshold).toEqual({ amount: null, percent: '100' })
    expect(JSON.parse((await focal('ledger', 'settings', '-w', ws, '--json')).stdout)).toEqual({
      ok: true,
      amount: null,
      percent: '100',
    })
  })

  it.each([
    [['--amount=-10'], '--amount "-10" is negative'],
    [['--amount', '12.34567'], '--amount "12.34567" has more than 4 decimals'],
    [['--percent', 'ten'], '--percent "ten" is not a number'],
    [['--percent', ''], '--amount and --percent cannot both be off'],
  ])(
    'refuses settings %j with exit code 2, naming the option, storing nothing',
    async (args, message) => {
      const bad = await focal('ledger', 'settings', '-w', ws, ...args)
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain(message)
      expect(JSON.parse((await focal('ledger', 'settings', '-w', ws, '--json')).stdout)).toEqual({
        ok: true,
        amount: null,
        percent: '100',
      })
    },
  )
})
