/** What the import registry shows of an AWS CUR delivery's part: manifest, delivery, part i of N (cur-delivery.ts). */
import type { ImportRecord } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { deliveryPartsSql } from './cur-delivery-sql'

/** An import's place in its CUR delivery. */
export type DeliveryPart = NonNullable<ImportRecord['delivery']>

/** The delivery facts of one import, or of every import (`all`), keyed by import id; others are absent. */
export async function readDeliveryParts(
  ws: Workspace,
  which: number | 'all',
  connection = ws.writer,
): Promise<Map<number, DeliveryPart>> {
  const rows =
    which === 'all'
      ? await ws.all(deliveryPartsSql('all'), [], connection)
      : await ws.all(deliveryPartsSql('one'), [which], connection)
  return new Map(
    rows.map((row) => [
      Number(row.import_id),
      {
        manifest: String(row.manifest),
        assemblyId: String(row.assembly_id),
        part: Number(row.part),
        parts: Number(row.parts),
        incomplete: Boolean(row.incomplete),
        missing: Array.isArray(row.missing) ? row.missing.map(String) : [],
      },
    ]),
  )
}
