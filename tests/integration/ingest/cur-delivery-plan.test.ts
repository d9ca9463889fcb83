/** planDeliveries: manifests matched to their parts by base name, preferring the delivery's own folder; copies and strays reported. */
import { copyFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandInputs } from '../../../electron/cli/files'
import { planDeliveries } from '../../../electron/core/ingest/cur-delivery-plan'
import { curSample, splitRows, writeCurDelivery } from '../../helpers/cur-delivery'
import { tempDir } from '../../helpers/paths'

describe('planDeliveries', () => {
  it('matches each delivery to the parts under its assemblyId folder, puts the latest (copied to the period level) last, keeps strays', async () => {
    const root = tempDir()
    const parts = splitRows(curSample().rows.slice(0, 30), 2)
    const a = writeCurDelivery(root, 'assembly-a', parts)
    const b = writeCurDelivery(root, 'assembly-b', parts, { skip: [1] })
    // AWS also writes the latest delivery's manifest at the period level. A's was written later
    // on this disk, but the copy says B is the latest, so B goes last and restates A.
    copyFileSync(b.manifest, join(root, 'cur', '20231101-20231201', 'cur-Manifest.json'))
    utimesSync(b.manifest, new Date('2023-11-20T00:00:00Z'), new Date('2023-11-20T00:00:00Z'))
    utimesSync(a.manifest, new Date('2023-11-21T00:00:00Z'), new Date('2023-11-21T00:00:00Z'))
    writeFileSync(join(root, 'notes.csv'), 'a,b\n1,2\n')
    const files = expandInputs([root], true).map((path) => ({
      path,
      displayName: relative(root, path),
      relativePath: relative(root, path),
    }))
    const plan = await planDeliveries(files)
    const named = (list: readonly { displayName: string }[]) => list.map((f) => f.displayName)
    const folder = 'cur/20231101-20231201'
    expect(plan.deliveries.map((d) => [d.manifest.assemblyId, named(d.parts), d.missing])).toEqual([
      [
        'assembly-a',
        [`${folder}/assembly-a/cur-00001.csv.gz`, `${folder}/assembly-a/cur-00002.csv.gz`],
        [],
      ],
      ['assembly-b', [`${folder}/assembly-b/cur-00001.csv.gz`], ['cur-00002.csv.gz']],
    ])
    expect(plan.skipped).toEqual([
      {
        fileName: `${folder}/cur-Manifest.json`,
        reason: `a copy of ${folder}/assembly-b/cur-Manifest.json, the manifest of the same delivery (assembly-b)`,
      },
    ])
    expect(named(plan.others)).toEqual(['notes.csv'])
    expect(plan.badManifests).toEqual([])
  })

  it('without a period-level copy, orders two deliveries of a month by when their manifests were written', async () => {
    const root = tempDir()
    const parts = splitRows(curSample().rows.slice(0, 10), 1)
    const a = writeCurDelivery(root, 'assembly-a', parts)
    const b = writeCurDelivery(root, 'assembly-b', parts)
    utimesSync(a.manifest, new Date('2023-11-21T00:00:00Z'), new Date('2023-11-21T00:00:00Z'))
    utimesSync(b.manifest, new Date('2023-11-20T00:00:00Z'), new Date('2023-11-20T00:00:00Z'))
    const files = expandInputs([root], true).map((path) => ({
      path,
      displayName: relative(root, path),
      relativePath: relative(root, path),
    }))
    const plan = await planDeliveries(files)
    expect(plan.deliveries.map((d) => d.manifest.assemblyId)).toEqual(['assembly-b', 'assembly-a'])
  })
})
