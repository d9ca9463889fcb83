/**
 * `focal imports -w <ws>` (electron/cli/imports-notes.ts): under the registry table, each part of
 * an AWS CUR delivery is named with its delivery and manifest (and the parts an incomplete one
 * lacked), and each file read with a column mapping with the mapping's name and full SHA-256,
 * that of the file `focal mappings export` writes.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { focal } from '../../helpers/cli'
import { chargebackMapping, writeChargebackCsv } from '../../helpers/chargeback-csv'
import { curSample, splitRows, writeCurDelivery } from '../../helpers/cur-delivery'
import { ROOT, tempDir } from '../../helpers/paths'

describe('focal imports', () => {
  it('prints each delivery part and each column mapping under the table', async () => {
    const workspace = join(tempDir(), 'notes.focal')
    const root = tempDir()
    writeCurDelivery(root, 'assembly-a', splitRows(curSample().rows, 3), { skip: [2] })
    expect((await focal('import', root, '-w', workspace, '--allow-incomplete')).code).toBe(0)
    const mappingPath = join(tempDir(), 'chargeback.json')
    writeFileSync(mappingPath, JSON.stringify(chargebackMapping()))
    const mapped = await focal('import', writeChargebackCsv(), '-w', workspace)
    expect(mapped.code).toBe(1)
    expect(
      (await focal('import', writeChargebackCsv(), '-w', workspace, '--mapping', mappingPath)).code,
    ).toBe(0)

    // The hash is that of the mapping file Focal writes for it, hashed here.
    const exported = join(tempDir(), 'out.json')
    const exportedRun = await focal(
      'mappings',
      'export',
      'Internal chargeback',
      '-w',
      workspace,
      '--out',
      exported,
    )
    expect(exportedRun.code).toBe(0)
    const sha = createHash('sha256').update(readFileSync(exported)).digest('hex')

    const listed = JSON.parse((await focal('imports', '-w', workspace, '--json')).stdout) as {
      imports: ImportRecord[]
    }
    const idOf = (fileName: string, status = 'imported'): number =>
      listed.imports.find((r) => r.fileName === fileName && r.status === status)?.id ?? -1
    const text = await focal('imports', '-w', workspace)
    expect(text.code).toBe(0)
    const notes = text.stdout.trimEnd().split('\n\n').at(-1)?.split('\n')
    expect(notes).toEqual([
      `#${idOf('chargeback-2026.csv')} chargeback-2026.csv: read with column mapping "Internal chargeback" (sha256 ${sha})`,
      `#${idOf('cur-00002.csv.gz')} cur-00002.csv.gz: part 2 of 3 of AWS CUR delivery assembly-a (cur-Manifest.json); INCOMPLETE, imported without cur-00003.csv.gz`,
      `#${idOf('cur-00001.csv.gz')} cur-00001.csv.gz: part 1 of 3 of AWS CUR delivery assembly-a (cur-Manifest.json); INCOMPLETE, imported without cur-00003.csv.gz`,
    ])
    // The failed attempt without a mapping was detected, not mapped: no line.
    expect(idOf('chargeback-2026.csv', 'failed')).toBeGreaterThan(0)
    expect(text.stdout).not.toContain(`#${idOf('chargeback-2026.csv', 'failed')} chargeback`)
  })

  it('prints no notes for imports that are neither', async () => {
    const workspace = join(tempDir(), 'plain.focal')
    const sample = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
    expect((await focal('import', sample, '-w', workspace)).code).toBe(0)
    const text = await focal('imports', '-w', workspace)
    expect(text.code).toBe(0)
    expect(text.stdout).not.toContain('\n\n')
    expect(text.stdout).toContain('focus-sample.csv')
  })
})
