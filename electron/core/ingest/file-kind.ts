/** Tells a file's container format from its first bytes, not its name. */
import { open } from 'node:fs/promises'

/** Container formats Focal reads. */
export type FileKind = 'csv' | 'csv.gz' | 'parquet' | 'jsonl' | 'zip' | 'unknown'

/**
 * Reads the first bytes: Parquet starts with "PAR1", gzip with 1F 8B, ZIP with
 * "PK\3\4". Anything else is CSV if its first line looks like text with a
 * delimiter, else unknown.
 */
export async function detectFileKind(path: string): Promise<FileKind> {
  const handle = await open(path, 'r')
  try {
    const probe = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(probe, 0, probe.length, 0)
    return kindOfBytes(probe.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

/** The kind of a file given its first bytes. */
export function kindOfBytes(bytes: Buffer): FileKind {
  if (bytes.length >= 4 && bytes.toString('latin1', 0, 4) === 'PAR1') return 'parquet'
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'csv.gz'
  if (bytes.length >= 4 && bytes.toString('latin1', 0, 4) === 'PK\u0003\u0004') return 'zip'
  const text = bytes.toString('latin1')
  const firstLine = text.split(/\r?\n/)[0] ?? ''
  // Control bytes other than tab/CR/LF in the first line mean binary data, not CSV.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(firstLine)) return 'unknown'
  // A first line that is one JSON object: newline-delimited JSON, as BigQuery exports it.
  if (/^\s*\{/.test(firstLine) && /\}\s*$/.test(firstLine)) return 'jsonl'
  return /[,;\t|]/.test(firstLine) ? 'csv' : 'unknown'
}
