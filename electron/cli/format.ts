/** Plain-text output of the `focal` command: aligned tables and error sentences. */
import {
  ERROR_ADVICE,
  FocalFailure,
  toFocalError,
  type FocalError,
  type ImportRecord,
} from '../../shared/contract'
import { describeCostView } from '../../shared/formats/azure-cost-view-text'
import { commitmentDeltaLine, importedCommitmentSummary } from './commitment-summary'

/** Formats rows as an aligned text table. Columns listed in `right` are right-aligned. */
export function textTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  right: ReadonlySet<number> = new Set(),
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** The lines that describe an error: what happened, where, what to do. */
export function describeError(error: FocalError): string {
  const where = error.location
    ? [
        error.location.file,
        error.location.part ?? '',
        error.location.row ? `row ${error.location.row}` : '',
        error.location.line ? `line ${error.location.line}` : '',
        error.location.column ? `column ${error.location.column}` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : ''
  return [
    `error [${error.code}]: ${error.message}`,
    ...(where ? [`  where: ${where}`] : []),
    `  what to do: ${error.hint ?? ERROR_ADVICE[error.code]}`,
  ].join('\n')
}

/** Prints an error as `{ ok: false, error }` JSON on stdout with --json, else as sentences on stderr. */
export function printError(error: FocalError, json: boolean): void {
  if (json) console.log(JSON.stringify({ ok: false, error }, null, 2))
  else console.error(describeError(error))
}

/**
 * Answers a subcommand's refusal (a FocalFailure) the way every subcommand does and
 * returns exit code 1; anything else is a bug and is thrown on to the CLI's last resort.
 */
export function refused(cause: unknown, json: boolean): number {
  if (!(cause instanceof FocalFailure)) throw cause
  printError(toFocalError(cause), json)
  return 1
}

/** A human summary of one import: status, format, version, rows, totals per currency, SHA-256. */
export function describeImport(record: ImportRecord): string {
  const head = `${record.fileName}: ${record.status}${record.reconciled ? ' (reconciled)' : ''}`
  if (record.status !== 'imported')
    return `${head}\n${record.error ? indent(describeError(record.error)) : ''}`.trimEnd()
  const totals = record.totals.map(
    (t) =>
      `    ${t.currency || '(no currency)'}: BilledCost ${t.billedStored}, EffectiveCost ${t.effectiveStored} (${t.rows} rows)`,
  )
  const notes = [
    ...record.fixes.map((f) => `    fix ${f.code}: ${f.rows} rows`),
    ...(record.assumed ?? []).map(
      (a) => `    assumed ${a.column} = ${a.value} for every row (the file has no ${a.column})`,
    ),
    ...record.issues.map(
      (i) =>
        `    rule ${i.rule}: ${i.rows} rows${i.firstRow ? ` (first at row ${i.firstRow})` : ''} — ${i.message}`,
    ),
    ...describeExtraColumns(record.extraColumns),
  ]
  return [
    head,
    `  format ${record.format}, FOCUS ${record.focusVersion ?? '?'}, ${record.rowCount} rows, ${record.sizeBytes} bytes, ${record.durationMs ?? 0} ms`,
    `  sha256 ${record.sha256}`,
    ...describeDeliveryPart(record),
    ...describeSupersession(record),
    ...(record.costView ? [`  ${describeCostView(record.costView)}`] : []),
    // A Contract Commitment dataset holds commitment terms, not cost: its own line, never BilledCost.
    ...(record.commitments
      ? [`  ${importedCommitmentSummary(record.rowCount, record.commitments.totals)}`]
      : ['  totals:', ...totals]),
    ...(notes.length ? ['  notes:', ...notes] : []),
  ].join('\n')
}

/** An AWS CUR delivery's part: its place in the delivery, and whether the delivery was incomplete. */
function describeDeliveryPart(record: ImportRecord): string[] {
  const d = record.delivery
  if (!d) return []
  return [
    `  part ${d.part} of ${d.parts} of AWS CUR delivery ${d.assemblyId} (${d.manifest})`,
    ...(d.incomplete
      ? [`  INCOMPLETE: imported without ${d.missing.join(', ')} (--allow-incomplete)`]
      : []),
  ]
}

/** What an import replaced, was replaced by, or was kept beside (delivery identity). */
function describeSupersession(record: ImportRecord): string[] {
  const ids = (list: readonly number[]): string => list.map((id) => `#${id}`).join(', ')
  return [
    ...(record.supersededBy !== null
      ? [`  superseded by import #${record.supersededBy}: its rows there no longer count`]
      : []),
    ...(record.supersedes.length
      ? [
          `  supersedes import ${ids(record.supersedes)} in the ${record.commitments ? 'commitments' : 'billing scopes'} they share:`,
        ]
      : []),
    ...record.delta.map(
      (d) =>
        `    ${d.currency || '(no currency)'}: ${d.rowsAdded} rows added, ${d.rowsRemoved} removed, ${d.rowsChanged} changed; BilledCost ${signed(d.billedDifference)}, EffectiveCost ${signed(d.effectiveDifference)}`,
    ),
    ...(record.commitments?.delta ?? []).map(commitmentDeltaLine),
    ...(record.keptBeside.length
      ? [`  kept beside import ${ids(record.keptBeside)}: both are counted, as asked`]
      : []),
  ]
}

function signed(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`
}

/** Source columns kept outside FOCUS columns, the first ten by name (a wide file has thousands). */
function describeExtraColumns(columns: ImportRecord['extraColumns']): string[] {
  if (columns.length === 0) return []
  const shown = columns
    .slice(0, 10)
    .map((c) => `${c.source} → ${c.target}${c.note ? ` (${c.note})` : ''}`)
  const more = columns.length > 10 ? `, and ${columns.length - 10} more` : ''
  return [`    kept beside the FOCUS columns: ${shown.join(', ')}${more}`]
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
}
