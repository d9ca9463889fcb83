/** fix-meanings.ts: every fix code Focal writes has a sentence a person can read in a row's detail. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DESCRIBED_FIX_CODES, fixMeaning } from '../../../electron/core/rows/fix-meanings'
import { CURRENCY_STRING_PARSED } from '../../../electron/core/ingest/currency-text-sql'
import { VALUE_ASSUMED } from '../../../electron/core/ingest/assumed-columns'
import { ROOT } from '../../helpers/paths'

/** The codes written as `fix: 'CODE'` in the format rules (shared/formats). */
function ruleCodes(): string[] {
  const dir = join(ROOT, 'shared/formats')
  const codes = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/fix: '([A-Z0-9_]+)'/g)])
    .map((m) => m[1]!)
  return [...new Set(codes)]
}

describe('fixMeaning', () => {
  it('describes every code the format rules and the value checks write', () => {
    const codes = [...ruleCodes(), VALUE_ASSUMED, CURRENCY_STRING_PARSED, 'ROUNDED_TO_18_DECIMALS']
    expect(codes.length).toBeGreaterThan(20)
    const missing = codes.filter((c) => !DESCRIBED_FIX_CODES.includes(c))
    expect(missing).toEqual([])
  })

  it('says so for a code it does not know, rather than guessing', () => {
    expect(fixMeaning('SOMETHING_NEW')).toMatch(/no description in this version/)
    expect(fixMeaning('CREDITS_NETTED')).toBe("The provider's credits were netted into the cost.")
  })
})
