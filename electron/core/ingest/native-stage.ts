/**
 * The native-format step of an import: the staged provider file (text, as
 * any CSV is staged) is turned by its format's mapping into a view of
 * FOCUS-named columns, which the usual checks, store and reconcile then read.
 */
import { fail } from '../../../shared/contract'
import { focusColumn } from '../../../shared/focus'
import { compileMapping, mappedViewSql, sourceSumsSql } from '../../../shared/formats/compile-sql'
import { detectFormat, type Detection, type NearFormat } from '../../../shared/formats/detect'
import {
  providerColumnName,
  type DuplicateColumn,
  type HeaderMapping,
  type MappedColumn,
} from '../../../shared/formats/focus-header'
import type { FormatMapping } from '../../../shared/formats/mapping-types'
import type { Workspace } from '../workspace/workspace'
import { headerLocation, refuseDuplicateColumns } from './header-checks'
import type { CurrencySums } from './reconcile'
import { sourceRowExpr, type SourceKind } from './stage-sql'
import type { FixRule } from './value-checks'

/** A native file mapped to FOCUS columns, read downstream like a typed (Parquet-style) stage. */
export interface NativeStage {
  /** The format's id (mapping-types.ts), stored as the import's format. */
  readonly formatId: string
  readonly table: string
  /** The mapped view has a `source_row` column and final text values, as a Parquet stage view does. */
  readonly kind: SourceKind
  readonly mapping: HeaderMapping
  readonly sourceTypes: readonly string[]
  /** Fix codes of the values the mapping derived, each on the rows where it set a value. */
  readonly fixes: readonly FixRule[]
  /** Per-currency sums of the provider's own cost columns, read from the raw stage by header name. */
  readonly sourceSums: () => Promise<CurrencySums[]>
}

/** Maps the raw stage `stage` of a file in `format` into a new temp view (dropped as a view: `kind`). */
export async function mapNativeStage(
  ws: Workspace,
  format: FormatMapping,
  fileName: string,
  stage: {
    table: string
    kind: SourceKind
    header: readonly string[]
    sourceTypes: readonly string[]
    /** The source row of a stage row; a CSV read in place has none until its rows are stored (store-rows.ts). */
    sourceRow?: string
  },
): Promise<NativeStage> {
  const types = stage.kind === 'parquet' ? stage.sourceTypes : undefined
  const compiled = compileMapping(format, stage.header, types)
  const columns: MappedColumn[] = compiled.columns.map((c, index) => ({
    index,
    // A value read from one column is reported under that column's name in errors.
    source:
      c.sources.length === 1
        ? (c.sources[0] ?? c.target)
        : `${c.target} (from ${c.sources.join(', ') || 'constants'})`,
    target: c.target,
    type: focusColumn(c.target)?.type ?? 'string',
  }))
  // A kept column never takes the name of an x_ column the mapping fills (x_ResourceGroupName).
  const mapped = new Set(compiled.columns.map((c) => c.target.toLowerCase()))
  const kept = compiled.kept.map(({ index, source }) => {
    const name = providerColumnName(source)
    const target = mapped.has(name.toLowerCase()) ? `x_Source_${source}` : name
    return { index, source, target, type: 'string' as const }
  })
  kept.forEach((k, i) => columns.push({ ...k, index: compiled.columns.length + i }))
  const mapping: HeaderMapping = {
    version: '1.4',
    columns,
    missing: [],
    duplicates: duplicateTargets(kept),
  }
  // Named by their place in the file's header, not in the mapped view.
  refuseDuplicateColumns({ ...mapping, columns: kept }, fileName, stage.kind)
  const table = ws.tempName('mapped')
  const sourceRow = stage.sourceRow ?? sourceRowExpr(stage.kind)
  await ws.run(mappedViewSql(compiled, stage.table, table, sourceRow, types))
  const fixes = compiled.columns.flatMap((c, index) =>
    c.fix ? [{ code: c.fix, condition: c.fixWhen ? `fix_${index}` : `c${index} IS NOT NULL` }] : [],
  )
  return {
    formatId: format.id,
    table,
    kind: 'parquet',
    mapping,
    sourceTypes: columns.map(() => 'VARCHAR'),
    fixes: mergeFixes(fixes),
    sourceSums: async () =>
      (await ws.all(sourceSumsSql(format, stage.header, stage.table, types))).map((row) => ({
        currency: row.currency == null ? null : String(row.currency),
        rows: Number(row.n),
        billed: row.billed == null ? null : String(row.billed),
        effective: row.effective == null ? null : String(row.effective),
      })),
  }
}

/** One rule per fix code: a code set by several columns marks a row once. */
function mergeFixes(fixes: readonly FixRule[]): FixRule[] {
  const byCode = new Map<string, string[]>()
  for (const f of fixes) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f.condition])
  return [...byCode].map(([code, conditions]) => ({ code, condition: conditions.join(' OR ') }))
}

/** Kept source columns whose x_ names clash without case (DuckDB column names ignore case). */
function duplicateTargets(kept: readonly MappedColumn[]): DuplicateColumn[] {
  const seen = new Map<string, string>()
  const duplicates: DuplicateColumn[] = []
  for (const { index, source, target } of kept) {
    const holder = seen.get(target.toLowerCase())
    if (holder === undefined) seen.set(target.toLowerCase(), source)
    else duplicates.push({ index, source, target, clashesWith: holder })
  }
  return duplicates
}

/** Fails for a header that matches no format, naming the closest formats and what each lacks. */
export function refuseUnknownFormat(
  fileName: string,
  closest: readonly NearFormat[],
  kind: SourceKind,
): never {
  const near = closest.map((f) => `${f.title} (lacks ${f.lacks.join(', ')})`).join('; ')
  return fail(
    'MISSING_COLUMNS',
    `${fileName} is not a billing export Focal recognizes. Closest: ${near}.`,
    {
      hint: 'Focal reads FOCUS 1.0–1.4, AWS Cost and Usage Reports, Azure cost details, GCP billing and OCI cost report exports. For any other CSV, write a column mapping (focal mappings, or focal import --mapping <file.json>) or use the mapping screen (Map columns…); nothing was imported.',
      location: headerLocation(fileName, kind),
      // `mappable`: the app offers its mapping screen for this file.
      details: { closest, mappable: true },
    },
  )
}

/** The format a header is read with: the one given (a person's column mapping), else the one detected. */
export function formatOf(header: readonly string[], given?: FormatMapping): Detection {
  return given ? { kind: 'native', mapping: given } : detectFormat(header)
}

/**
 * Fails unless a file can be read with a person's column mapping: a CSV whose
 * header has every source column the mapping reads (its signature).
 */
export function refuseUnmappedHeader(
  format: FormatMapping,
  header: readonly string[],
  kind: SourceKind,
  fileName: string,
): void {
  if (kind !== 'csv' && kind !== 'csv.gz')
    fail('UNSUPPORTED_FORMAT', `${fileName} is not a CSV file; a column mapping reads CSV files.`, {
      hint: 'Export the data as CSV and import that file with the mapping.',
      location: { file: fileName },
    })
  const names = new Set(header.map((h) => h.replace(/^\ufeff/, '')))
  const lacks = format.signature.all.filter((c) => !names.has(c))
  if (lacks.length > 0)
    fail(
      'MISSING_COLUMNS',
      `${fileName} lacks the column${lacks.length > 1 ? 's' : ''} ${lacks.join(', ')} that the mapping "${format.title}" reads.`,
      {
        hint: 'Choose the mapping made for this kind of file, or make a new one on the mapping screen; nothing was imported.',
        location: { file: fileName, line: 1 },
        details: { lacks, found: header.slice(0, 50) },
      },
    )
}
