/**
 * Maps a FOCUS file's header (any version 0.5–1.4) onto the canonical 1.4
 * columns: renames older names, keeps unknown columns as provider `x_`
 * columns, and names the required columns that are missing.
 */
import {
  COLUMN_RENAMES,
  REQUIRED_TO_IMPORT,
  detectFocusVersion,
  focusColumn,
  type FocusType,
  type FocusVersion,
} from '../focus'

/** One source column and where it lands. */
export interface MappedColumn {
  /** Position of the column in the source header. */
  readonly index: number
  readonly source: string
  readonly target: string
  /** FOCUS type of the target; provider columns are kept as strings. */
  readonly type: FocusType
}

/** The result of mapping a header. */
export interface HeaderMapping {
  readonly version: FocusVersion
  readonly columns: readonly MappedColumn[]
  /** Required columns (REQUIRED_TO_IMPORT) the header lacks, under their 1.4 names. */
  readonly missing: readonly string[]
  /** Source columns dropped because an earlier column already fills the same target. */
  readonly shadowed: readonly string[]
}

/** Focal's own columns, which a source file must not overwrite. */
const RESERVED = /^x_(ImportId|SourceFile|SourceRow|SourceFormat|FixCodes)$/

/** The provider-column name a non-FOCUS source column is kept under. */
export function providerColumnName(source: string): string {
  const base = source.startsWith('x_') ? source : `x_${source}`
  return RESERVED.test(base) ? `x_Source_${base.slice(2)}` : base
}

/** Maps a header onto canonical columns. A name used twice keeps its first column. */
export function mapFocusHeader(header: readonly string[]): HeaderMapping {
  const version = detectFocusVersion(header)
  const columns: MappedColumn[] = []
  const shadowed: string[] = []
  const taken = new Set<string>()
  // Current names first, so a 1.3 file with both ProviderName and ServiceProviderName keeps the latter.
  const ordered = header
    .map((source, index) => ({ source, index }))
    .sort((a, b) => Number(a.source in COLUMN_RENAMES) - Number(b.source in COLUMN_RENAMES))
  for (const { source, index } of ordered) {
    const renamed = COLUMN_RENAMES[source] ?? source
    const column = focusColumn(renamed)
    const target = column
      ? column.name
      : renamed !== source && renamed.startsWith('x_')
        ? renamed
        : providerColumnName(source)
    if (taken.has(target.toLowerCase())) {
      shadowed.push(source)
      continue
    }
    taken.add(target.toLowerCase())
    columns.push({ index, source, target, type: column?.type ?? 'string' })
  }
  const targets = new Set(columns.map((c) => c.target))
  const missing = REQUIRED_TO_IMPORT.filter((name) => !targets.has(name))
  columns.sort((a, b) => a.index - b.index)
  return { version, columns, missing, shadowed }
}
