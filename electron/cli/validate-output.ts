/** Output of `focal validate`: a text report per file, and the rule results as CSV. */
import type { RuleResult, RuleSample, Validation } from '../core/validate/rule-results'
import { describeError } from './format'

/** Where a sample row is: "row 12" or, for a workspace, "file.csv row 12". */
function where(sample: RuleSample): string {
  return `${sample.file ? `${sample.file} ` : ''}row ${sample.row}`
}

function shown(sample: RuleSample): string {
  return sample.value === null ? '(empty)' : JSON.stringify(sample.value)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The text report of one validation: a verdict line, then each failed rule with its samples. */
export function describeValidation(v: Validation): string {
  if (v.error) return `${v.name}: not validated\n${indent(describeError(v.error))}`
  const failed = v.rules.filter((r) => !r.passed)
  const dataset = v.dataset === 'ContractCommitment' ? ' Contract Commitment' : ''
  const head = `${v.name}: FOCUS ${v.focusVersion ?? '?'}${dataset} (${v.format}), ${plural(v.rows, 'row')}: ${
    failed.length === 0
      ? `all ${v.rules.length} rules passed`
      : `${plural(v.errors, 'error')}, ${plural(v.warnings, 'warning')}; ${v.rules.length - failed.length} of ${v.rules.length} rules passed`
  }`
  const lines = failed.flatMap((r) => [
    `  ${r.severity.padEnd(7)} ${r.rule} (${r.section}, since ${r.since}): ${
      r.check === 'presence' ? 'column missing' : plural(r.failingRows, 'row')
    } — ${r.message}`,
    ...r.samples.map((s) => `            ${where(s)}: ${shown(s)}`),
  ])
  return [head, ...lines].join('\n')
}

const CSV_HEADER = [
  'file',
  'focus_version',
  'rule',
  'check',
  'column',
  'since',
  'section',
  'severity',
  'passed',
  'failing_rows',
  'sample_rows',
  'message',
]

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csvRow(v: Validation, r: RuleResult): string[] {
  return [
    v.name,
    v.focusVersion ?? '',
    r.rule,
    r.check,
    r.column,
    r.since,
    r.section,
    r.severity,
    String(r.passed),
    String(r.failingRows),
    r.samples.map((s) => `${where(s)}: ${shown(s)}`).join('; '),
    r.message,
  ]
}

/** Every rule result of every validation as CSV (one line per file and rule; a file not read is one line with its error). */
export function validationCsv(validations: readonly Validation[]): string {
  const rows = validations.flatMap((v) =>
    v.error
      ? [[v.name, '', v.error.code, '', '', '', '', 'error', 'false', '0', '', v.error.message]]
      : v.rules.map((r) => csvRow(v, r)),
  )
  return [CSV_HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
}
