/**
 * The lines `focal imports` prints under its table for imports the table cannot say enough
 * about: an AWS CUR delivery's part (and the parts an incomplete delivery lacked), and the
 * column mapping a file was read with, by name and full SHA-256.
 */
import type { ImportRecord } from '../../shared/contract'

/** One line per such fact, each led by the import's id and file; empty when there is none. */
export function importNotes(records: readonly ImportRecord[]): string[] {
  return records.flatMap((record) => {
    const head = `#${record.id} ${record.fileName}:`
    const d = record.delivery
    return [
      ...(d
        ? [
            `${head} part ${d.part} of ${d.parts} of AWS CUR delivery ${d.assemblyId} (${d.manifest})` +
              (d.incomplete ? `; INCOMPLETE, imported without ${d.missing.join(', ')}` : ''),
          ]
        : []),
      ...(record.mapping
        ? [
            `${head} read with column mapping "${record.mapping.name}" (sha256 ${record.mapping.sha256})`,
          ]
        : []),
    ]
  })
}
