/** The saved column mappings (core/mappings/mappings-store.ts): a new or changed mapping is audited, one saved again unchanged is not. */
import { afterEach, describe, expect, it } from 'vitest'
import { loadMappingJson } from '../../../electron/core/mappings/mapping-file'
import { saveMapping } from '../../../electron/core/mappings/mappings-store'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { chargebackMapping } from '../../helpers/chargeback-csv'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('saveMapping', () => {
  it('audits a new mapping and a changed one with their SHA-256, not the same one saved again', async () => {
    ws = await freshWorkspace()
    const first = loadMappingJson(chargebackMapping())
    const changed = loadMappingJson({
      ...chargebackMapping(),
      columns: { ...chargebackMapping().columns, BillingCurrency: { constant: 'EUR' } },
    })
    expect(changed.sha256).not.toBe(first.sha256)
    await saveMapping(ws, first)
    await saveMapping(ws, first)
    await saveMapping(ws, changed)
    const log = await ws.all(
      "SELECT action, subject, details FROM audit_log WHERE action LIKE 'mapping.%' ORDER BY seq",
    )
    expect(log.map((e) => [e.action, e.subject, JSON.parse(String(e.details))])).toEqual([
      ['mapping.save', 'Internal chargeback', { sha256: first.sha256 }],
      [
        'mapping.update',
        'Internal chargeback',
        { sha256: changed.sha256, previousSha256: first.sha256 },
      ],
    ])
  })
})
