/**
 * focal validate on money written as a currency string (the spec's SaaS examples write
 * `$10,000.00`): a warning per money column, as an import reads and flags such values,
 * never a failed type rule; a currency string an import refuses stays a type error.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateFile } from '../../../electron/core/validate/validate-file'
import { sample, tempDir } from '../../helpers/paths'

const SAAS_C = sample(
  'focus-spec-examples/data/saas_examples/simple_agreements/simple_saas_agreements_c.csv',
)

describe('validateFile: currency strings', () => {
  it('warns per money column of the SaaS example, with no type rule failed', async () => {
    const v = await validateFile(SAAS_C, 'simple_saas_agreements_c.csv')
    expect(v.error).toBeNull()
    expect(v.rules.filter((r) => r.check === 'type' && !r.passed)).toEqual([])
    const warnings = v.rules.filter((r) => r.rule.endsWith('.CURRENCY_STRING_PARSED'))
    expect(warnings.map((r) => [r.column, r.severity, r.failingRows, r.samples[0]?.value])).toEqual(
      [
        ['BilledCost', 'warning', 3, '$10,100.00 '],
        ['ContractedCost', 'warning', 3, '$10,100.00 '],
        ['ContractedUnitPrice', 'warning', 3, '$20.00 '],
        ['EffectiveCost', 'warning', 3, '$10,100.00 '],
        ['ListCost', 'warning', 3, '$10,100.00 '],
        ['ListUnitPrice', 'warning', 3, '$20.00 '],
      ],
    )
  })

  it('keeps a symbol of another currency a type error, and adds no warning for it', async () => {
    const path = join(tempDir(), 'euro-dollars.csv')
    writeFileSync(
      path,
      'BilledCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd\n' +
        '$10.00,EUR,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z\n',
    )
    const v = await validateFile(path, 'euro-dollars.csv')
    expect(v.rules.find((r) => r.rule === 'BilledCost.Type')).toMatchObject({
      failingRows: 1,
      severity: 'error',
      samples: [{ row: 1, value: '$10.00' }],
    })
    expect(v.rules.filter((r) => r.rule.endsWith('.CURRENCY_STRING_PARSED'))).toEqual([])
  })
})
