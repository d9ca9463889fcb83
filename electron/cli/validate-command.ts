/**
 * `focal validate`: checks billing files, or the rows of a workspace, against
 * the FOCUS rules without importing anything (core/validate). Exit code 0 when
 * no error-severity rule fails, 1 otherwise, 2 for a usage mistake.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { toFocalError } from '../../shared/contract'
import type { Validation } from '../core/validate/rule-results'
import type { SkippedFile } from '../core/validate/validate-archive'
import { validateSource } from '../core/validate/validate-source'
import { validateWorkspace } from '../core/validate/validate-workspace'
import { writeValidationPdf } from '../core/validate/validation-pdf'
import { expandInputs } from './files'
import { printError } from './format'
import { parseCommand, usageError } from './usage'
import { describeValidation, validationCsv } from './validate-output'

/** Help text of `focal validate`. */
export const VALIDATE_HELP = `focal validate <file|folder|archive.zip>... [--json] [--csv <results.csv>] [--pdf <results.pdf>]
  focal validate -w <workspace.focal> [--json] [--csv <results.csv>] [--pdf <results.pdf>]
      Check files (each billing file of a ZIP or folder too; or a workspace's stored rows,
      opened read-only) against the FOCUS rules without importing: per rule its id, spec
      section, severity, failing rows and up to 5 sample rows. Exit code 0 when no
      error-severity rule fails, else 1.`

function usage(message: string): number {
  return usageError(message, VALIDATE_HELP)
}

/** Runs `focal validate …`; `argv` is everything after `validate`. Returns the exit code. */
export async function runValidateCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      json: { type: 'boolean', default: false },
      csv: { type: 'string' },
      pdf: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    VALIDATE_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (values.workspace && positionals.length > 0)
    return usage('focal validate takes files or -w <workspace.focal>, not both.')
  if (!values.workspace && positionals.length === 0)
    return usage('focal validate needs at least one file or folder, or -w <workspace.focal>.')
  if (values.csv === '') return usage('--csv needs a file name.')
  if (values.pdf === '') return usage('--pdf needs a file name.')

  let validations: Validation[]
  const skipped: SkippedFile[] = []
  try {
    validations = values.workspace
      ? [await validateWorkspace(resolve(values.workspace))]
      : await validateAll(expandInputs(positionals, true), values.json, skipped)
  } catch (cause) {
    printError(toFocalError(cause), values.json)
    return 1
  }
  const ok = validations.length > 0 && validations.every((v) => v.errors === 0)
  if (values.csv) writeFileSync(resolve(values.csv), validationCsv(validations))
  if (values.pdf) await writeValidationPdf(validations, resolve(values.pdf))
  if (values.json) console.log(JSON.stringify({ ok, validations, skipped }, null, 2))
  else if (validations.length === 0)
    console.error(
      'No CSV, CSV.gz, Parquet, JSON-lines or ZIP files with billing data found in the given files and folders.',
    )
  return ok ? 0 : 1
}

/**
 * Validates files one after another (each in its own throwaway workspace; a
 * ZIP's billing files one by one), printing each as it is done; files not
 * validated (a ZIP's README, a CUR manifest) are added to `skipped`.
 */
async function validateAll(
  files: readonly string[],
  json: boolean,
  skipped: SkippedFile[],
): Promise<Validation[]> {
  const validations: Validation[] = []
  for (const file of files) {
    const source = await validateSource(file)
    validations.push(...source.validations)
    skipped.push(...source.skipped)
    if (json) continue
    for (const validation of source.validations) console.log(describeValidation(validation))
    for (const entry of source.skipped) console.log(`${entry.fileName}: skipped (${entry.reason})`)
  }
  return validations
}
