/**
 * Imports the files of a folder or a ZIP archive: each AWS CUR delivery with
 * its manifest as one delivery (cur-delivery.ts), every other file on its own.
 * A manifest Focal cannot read is one failed record naming it and the field.
 */
import type { ImportRecord } from '../../../shared/contract'
import { recordAttempt } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import { importDelivery, manifestAttempt, type DeliveryOptions } from './cur-delivery'
import { planDeliveries, type SourceFile } from './cur-delivery-plan'

/** The records of a group's imports and the files skipped (second copies of a manifest). */
export interface GroupImport {
  readonly records: ImportRecord[]
  readonly skipped: { fileName: string; reason: string }[]
}

/**
 * Files no manifest lists go to `importOne` (importSource for a folder, whose ZIPs it opens;
 * importFile inside an archive), in the order given; then each delivery, month by month.
 */
export async function importGroup(
  ws: Workspace,
  files: readonly SourceFile[],
  options: DeliveryOptions,
  importOne: (file: SourceFile) => Promise<ImportRecord[]>,
): Promise<GroupImport> {
  const plan = await planDeliveries(files)
  const records: ImportRecord[] = []
  for (const file of plan.others) {
    if (options.signal?.aborted) break
    records.push(...(await importOne(file)))
  }
  for (const { file, error } of plan.badManifests)
    records.push(
      await recordAttempt(ws, manifestAttempt(file, new Date()), { status: 'failed', error }),
    )
  for (const delivery of plan.deliveries) {
    if (options.signal?.aborted) break
    records.push(...(await importDelivery(ws, delivery, options)))
  }
  return { records, skipped: plan.skipped }
}
