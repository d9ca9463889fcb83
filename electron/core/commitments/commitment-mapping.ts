/**
 * How a FOCUS Contract Commitment file's header is read: each dataset column
 * (shared/focus/contract-commitment.ts) under its own name and type, and every
 * other column (x_ provider columns and any name the dataset lacks) kept aside
 * for x_Extra, so no source column is lost.
 */
import {
  CONTRACT_COMMITMENT_COLUMNS,
  contractCommitmentVersion,
} from '../../../shared/focus/contract-commitment'
import type { HeaderMapping, MappedColumn } from '../../../shared/formats/focus-header'

/** A Contract Commitment header mapped: the dataset's columns, and the others kept in x_Extra. */
export interface CommitmentMapping {
  readonly mapping: HeaderMapping
  readonly extra: readonly MappedColumn[]
}

/**
 * Maps a Contract Commitment header. A name used twice (DuckDB names are case-insensitive)
 * is a duplicate: the mapping names it, and an import refuses the file for it.
 */
export function commitmentMapping(header: readonly string[]): CommitmentMapping {
  const seen = new Map<string, string>()
  const columns: MappedColumn[] = []
  const extra: MappedColumn[] = []
  const duplicates: HeaderMapping['duplicates'][number][] = []
  header.forEach((raw, index) => {
    const source = raw.replace(/^\ufeff/, '')
    const twin = seen.get(source.toLowerCase())
    if (twin !== undefined) {
      duplicates.push({ index, source, target: source, clashesWith: twin })
      return
    }
    seen.set(source.toLowerCase(), source)
    const column = CONTRACT_COMMITMENT_COLUMNS.find((c) => c.name === source)
    if (column) columns.push({ index, source, target: source, type: column.type })
    else extra.push({ index, source, target: source, type: 'string' })
  })
  return {
    mapping: { version: contractCommitmentVersion(header), columns, missing: [], duplicates },
    extra,
  }
}
