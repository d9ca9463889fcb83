/**
 * Maps a FOCUS file's header (any version 0.5–1.4) onto the canonical 1.4
 * columns: renames older names, keeps unknown columns as provider `x_`
 * columns, and names the required columns that are missing.
 */
import {
  COLUMN_RENAMES,
  PROVENANCE_COLUMNS,
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
  /** For an older-version name kept as a provider column: the FOCUS column its newer name fills. */
  readonly supersededBy?: string
  /**
   * For a money column read through the text stage: the stage position of its currency, so
   * currency strings such as `$10,000.00` are read (electron/core/ingest/currency-text-sql.ts).
   */
  readonly currencyFrom?: number
  /**
   * For a money or date column read through the text stage: the text `null` (any case) is null,
   * as the FOCUS spec's own examples write it (electron/core/ingest/currency-text-sql.ts).
   */
  readonly nullText?: boolean
  /** A column the file lacks, filled with this value a person supplied (assumed-columns.ts). */
  readonly assumed?: string
}

/** A source column that would land where an earlier column already does. */
export interface DuplicateColumn {
  readonly index: number
  readonly source: string
  readonly target: string
  /** The source column already holding `target`. */
  readonly clashesWith: string
}

/** The result of mapping a header. */
export interface HeaderMapping {
  readonly version: FocusVersion
  readonly columns: readonly MappedColumn[]
  /** Required columns (REQUIRED_TO_IMPORT) the header lacks, under their 1.4 names. */
  readonly missing: readonly string[]
  /** Columns named twice (DuckDB names are case-insensitive): Focal cannot tell which holds the right values. */
  readonly duplicates: readonly DuplicateColumn[]
}

/**
 * The JSON object column (keyed by source column name) that holds the provider
 * columns of a file too wide to give each a column of its own (store-rows.ts).
 */
export const EXTRA_COLUMN = 'x_Extra'

/** Focal's own columns, which a source file must not overwrite. */
const RESERVED = new Set([...PROVENANCE_COLUMNS, EXTRA_COLUMN].map((c) => c.toLowerCase()))

/** The provider-column name a non-FOCUS source column is kept under. */
export function providerColumnName(source: string): string {
  const base = source.startsWith('x_') ? source : `x_${source}`
  return RESERVED.has(base.toLowerCase()) ? `x_Source_${base.slice(2)}` : base
}

/**
 * Maps a header onto canonical columns. An older-version name beside its newer
 * name (AmortizedCost beside EffectiveCost) is kept as a provider column
 * (x_AmortizedCost), so no source column is lost; a name used twice is a duplicate.
 */
export function mapFocusHeader(header: readonly string[]): HeaderMapping {
  const version = detectFocusVersion(header)
  const columns: MappedColumn[] = []
  const duplicates: DuplicateColumn[] = []
  const takenBy = new Map<string, string>()
  // Current names first, so a 1.3 file with both ProviderName and ServiceProviderName fills the latter from its own column.
  const ordered = header
    .map((source, index) => ({ source, index }))
    .sort((a, b) => Number(a.source in COLUMN_RENAMES) - Number(b.source in COLUMN_RENAMES))
  const take = (column: MappedColumn): void => {
    takenBy.set(column.target.toLowerCase(), column.source)
    columns.push(column)
  }
  const sources = new Map<string, string>()
  for (const { source, index } of ordered) {
    const twin = sources.get(source.toLowerCase())
    sources.set(source.toLowerCase(), twin ?? source)
    if (twin !== undefined) {
      duplicates.push({ index, source, target: source, clashesWith: twin })
      continue
    }
    const renamed = COLUMN_RENAMES[source] ?? source
    const column = focusColumn(renamed)
    const target = column
      ? column.name
      : renamed !== source && renamed.startsWith('x_')
        ? renamed
        : providerColumnName(source)
    const holder = takenBy.get(target.toLowerCase())
    if (holder === undefined) {
      take({ index, source, target, type: column?.type ?? 'string' })
      continue
    }
    const kept = providerColumnName(source)
    if (renamed !== source && !takenBy.has(kept.toLowerCase())) {
      take({ index, source, target: kept, type: 'string', supersededBy: target })
      continue
    }
    duplicates.push({ index, source, target, clashesWith: holder })
  }
  const targets = new Set(columns.map((c) => c.target))
  const missing = REQUIRED_TO_IMPORT.filter((name) => !targets.has(name))
  columns.sort((a, b) => a.index - b.index)
  duplicates.sort((a, b) => a.index - b.index)
  return { version, columns, missing, duplicates }
}
