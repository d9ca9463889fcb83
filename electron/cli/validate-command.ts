/**
 * `focal validate`: checks billing files, or the rows of a workspace, against
 * the FOCUS rules without importing anything (core/validate). Exit code 0 when
 * no error-severity rule fails, 1 otherwise, 2 for a usage mistake.
 */
import { writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { toFocalError } from '../../shared/contract'
import type { Validation } from '../core/validate/rule-results'
import { validateFile } from '../core/validate/validate-file'
import { validateWorkspace } from '../core/validate/validate-workspace'
import { writeValidationPdf } from '../core/validate/validation-pdf'
import { expandInputs } from './files'
import { describeError } from './format'
import { describeArgsError } from './usage'
import { describeValidation, validationCsv } from './validate-output'

/** Help text of `focal validate`. */
export const VALIDATE_HELP = `focal validate <file|folder>... [--json] [--csv <results.csv>] [--pdf <results.pdf>]
  focal validate -w <workspace.focal> [--json] [--csv <results.csv>] [--pdf <results.pdf>]
      Check files (or a workspace's stored rows, opened read-only) against the FOCUS
      rules without importing: per rule its id, spec section, severity, failing rows
      and up to 5 sample rows. Exit code 0 when no error-severity rule fails, else 1.`

function usage(message: string): number {
  console.error(`${message}\n\nUsage:\n  ${VALIDATE_HELP}`)
  return 2
}

/** Runs `focal validate …`; `argv` is everything after `validate`. Returns the exit code. */
export async function runValidateCommand(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        workspace: { type: 'string', short: 'w' },
        json: { type: 'boolean', default: false },
        csv: { type: 'string' },
        pdf: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (cause) {
    return usage(
      describeArgsError(cause) ?? (cause instanceof Error ? cause.message : String(cause)),
    )
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(VALIDATE_HELP)
    return 0
  }
  if (values.workspace && positionals.length > 0)
    return usage('focal validate takes files or -w <workspace.focal>, not both.')
  if (!values.workspace && positionals.length === 0)
    return usage('focal validate needs at least one file or folder, or -w <workspace.focal>.')
  if (values.csv === '') return usage('--csv needs a file name.')
  if (values.pdf === '') return usage('--pdf needs a file name.')

  let validations: Validation[]
  try {
    validations = values.workspace
      ? [await validateWorkspace(resolve(values.workspace))]
      : await validateAll(expandInputs(positionals), values.json)
  } catch (cause) {
    const error = toFocalError(cause)
    if (values.json) console.log(JSON.stringify({ ok: false, error }, null, 2))
    else console.error(describeError(error))
    return 1
  }
  const ok = validations.length > 0 && validations.every((v) => v.errors === 0)
  if (values.csv) writeFileSync(resolve(values.csv), validationCsv(validations))
  if (values.pdf) await writeValidationPdf(validations, resolve(values.pdf))
  if (values.json) console.log(JSON.stringify({ ok, validations }, null, 2))
  else if (validations.length === 0)
    console.error('No CSV, CSV.gz or Parquet files found in the given folders.')
  return ok ? 0 : 1
}

/** Validates files one after another (each in its own throwaway workspace), printing each as it is done. */
async function validateAll(files: readonly string[], json: boolean): Promise<Validation[]> {
  const validations: Validation[] = []
  for (const file of files) {
    const validation = await validateFile(file, basename(file))
    validations.push(validation)
    if (!json) console.log(describeValidation(validation))
  }
  return validations
}
