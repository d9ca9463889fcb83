/**
 * The rule results of `focal validate --pdf`: per file, its verdict, a table
 * of the rules it breaks (severity, failing rows, the first sample rows) and
 * the rules it passes, in the report PDFs' style (core/report/pdf).
 */
import { findReportFonts } from '../report/fonts'
import {
  COLOR,
  createPdf,
  drawFooters,
  note,
  savePdf,
  sectionHeading,
  style,
} from '../report/pdf/document'
import { drawTable, type TableRow } from '../report/pdf/table'
import type { RuleResult, Validation } from './rule-results'

/** Sample rows a PDF row lists under its rule (the JSON and CSV keep all five). */
const SHOWN_SAMPLES = 3

function failedRow(r: RuleResult): TableRow {
  const samples = r.samples
    .slice(0, SHOWN_SAMPLES)
    .map(
      (s) => `${s.file ? `${s.file} ` : ''}row ${s.row}: ${s.value === null ? '(empty)' : s.value}`,
    )
    .join('; ')
  return {
    cells: [
      { text: r.rule, sub: `${r.section.replace(/^FOCUS 1\.4 /, '')}, FOCUS ${r.since}+` },
      {
        text: r.severity,
        color: r.severity === 'error' ? COLOR.bad : COLOR.muted,
      },
      r.check === 'presence' ? 'missing' : String(r.failingRows),
      { text: r.message, sub: samples || null },
    ],
  }
}

/** The verdict line of one validation. */
function verdict(v: Validation): string {
  if (v.error) return `Not validated: ${v.error.message}`
  const dataset = v.dataset === 'ContractCommitment' ? ' Contract Commitment' : ''
  return `FOCUS ${v.focusVersion ?? '?'}${dataset} (${v.format}), ${v.rows} rows: ${v.errors} rules with errors, ${v.warnings} with warnings, ${v.rules.filter((r) => r.passed).length} of ${v.rules.length} rules passed.`
}

/** Writes the PDF of `validations` to `path`. */
export async function writeValidationPdf(
  validations: readonly Validation[],
  path: string,
): Promise<void> {
  const doc = createPdf(findReportFonts(), {
    title: 'FOCUS validation',
    subject: validations.map((v) => v.name).join(', '),
    author: 'Focal',
  })
  style(doc, 'bold', 18).text('FOCUS validation')
  note(
    doc,
    `Checked ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by focal validate.`,
  )
  for (const v of validations) {
    sectionHeading(doc, v.name)
    style(doc, 'regular', 9.5).text(verdict(v))
    doc.moveDown(0.5)
    const failed = v.rules.filter((r) => !r.passed)
    if (failed.length > 0)
      drawTable(
        doc,
        [
          { header: 'Rule', weight: 3.4 },
          { header: 'Severity', weight: 1.4 },
          { header: 'Rows', weight: 0.9, align: 'right' },
          { header: 'What it means; first rows', weight: 6.3 },
        ],
        failed.map(failedRow),
      )
    const passed = v.rules.filter((r) => r.passed).map((r) => r.rule)
    if (passed.length > 0) {
      doc.moveDown(0.5)
      note(doc, `Passed: ${passed.join(', ')}.`)
    }
  }
  drawFooters(doc, 'FOCUS validation — focal validate')
  await savePdf(doc, path)
}
