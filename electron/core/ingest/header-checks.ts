/** Checks of a mapped header before any row is read: every source column must land in a column of its own. */
import { fail, type ErrorLocation } from '../../../shared/contract'
import type { HeaderMapping } from '../../../shared/formats/focus-header'
import type { SourceKind } from './stage-sql'

/**
 * Where a header problem is: line 1 of a CSV; a Parquet or JSON-lines file has
 * no header line (its columns are its schema), so it is never "line 1".
 */
export function headerLocation(fileName: string, kind: SourceKind, column?: string): ErrorLocation {
  const at: ErrorLocation =
    kind === 'csv' || kind === 'csv.gz'
      ? { file: fileName, line: 1 }
      : { file: fileName, part: 'schema' }
  return column === undefined ? at : { ...at, column }
}

/** Fails with DUPLICATE_COLUMNS when two source columns would fill the same column (nothing is dropped silently). */
export function refuseDuplicateColumns(
  mapping: HeaderMapping,
  fileName: string,
  kind: SourceKind,
): void {
  const [first, ...more] = mapping.duplicates
  if (!first) return
  const holder = mapping.columns.find((c) => c.source === first.clashesWith)
  const where = (source: string, index: number | undefined): string =>
    index === undefined ? `"${source}"` : `"${source}" (column ${index + 1})`
  const same = first.source === first.clashesWith
  fail(
    'DUPLICATE_COLUMNS',
    `${fileName}: ${same ? `the column ${first.source} appears twice` : `two columns fill ${first.target}`}: ${where(first.clashesWith, holder?.index)} and ${where(first.source, first.index)}.${more.length > 0 ? ` ${more.length} more column${more.length > 1 ? 's clash' : ' clashes'} the same way: ${more.map((d) => d.source).join(', ')}.` : ''}`,
    {
      hint: `Focal cannot tell which of them holds the right values. Remove or rename one of each pair in ${kind === 'csv' || kind === 'csv.gz' ? 'the header line' : "the file's columns"}, then import the file again; nothing was imported.`,
      location: headerLocation(fileName, kind, first.source),
      details: {
        duplicates: mapping.duplicates.map((d) => ({
          column: d.index + 1,
          source: d.source,
          target: d.target,
          clashesWith: d.clashesWith,
        })),
      },
    },
  )
}
