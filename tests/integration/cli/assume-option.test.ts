/**
 * `focal import --assume <FocusColumn>=<value>`: a FOCUS file lacking BillingCurrency (the
 * spec's commitment examples) is refused as MISSING_COLUMNS until the currency is given;
 * then it imports, and the summary and the registry say what was assumed.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { focal } from '../../helpers/cli'
import { sample, tempDir } from '../../helpers/paths'

const PURCHASE = sample(
  'focus-spec-examples/data/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv',
)

describe('focal import --assume', () => {
  it('imports a FOCUS file lacking BillingCurrency with the currency given, and says so', async () => {
    const ws = join(tempDir(), 'assume.focal')
    const refused = await focal('import', PURCHASE, '-w', ws)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('MISSING_COLUMNS')
    expect(refused.stdout).toContain('lacks required FOCUS column: BillingCurrency.')

    const told = await focal('import', PURCHASE, '-w', ws, '--assume', 'BillingCurrency=USD')
    expect([told.code, told.stderr]).toEqual([0, ''])
    expect(told.stdout).toContain('USD: BilledCost 8760, EffectiveCost 0 (1 rows)')
    expect(told.stdout).toContain('fix VALUE_ASSUMED: 1 rows')
    expect(told.stdout).toContain(
      'assumed BillingCurrency = USD for every row (the file has no BillingCurrency)',
    )
    const listed = await focal('imports', '-w', ws, '--json')
    const imports = (JSON.parse(listed.stdout) as { imports: ImportRecord[] }).imports
    expect(imports.find((r) => r.status === 'imported')?.assumed).toEqual([
      { column: 'BillingCurrency', value: 'USD' },
    ])
  })

  it.each([
    [
      'BillingCurrency',
      '--assume takes <FocusColumn>=<value>, e.g. BillingCurrency=USD, not "BillingCurrency".',
    ],
    ['=USD', '--assume takes <FocusColumn>=<value>, e.g. BillingCurrency=USD, not "=USD".'],
  ])('is a usage error for %j', async (spec, message) => {
    const ws = join(tempDir(), 'bad.focal')
    const result = await focal('import', PURCHASE, '-w', ws, '--assume', spec)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })
})
