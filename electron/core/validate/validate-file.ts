/**
 * `focal validate <file>`: checks a billing file against the FOCUS rules
 * without importing it. The file is staged in a throwaway workspace in the
 * temp folder (never the user's), by the import's own staging and mapping
 * SQL, so every value is read exactly as an import would read it.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FocalFailure, fail, type FocalError } from '../../../shared/contract'
import { focusColumn } from '../../../shared/focus'
import {
  CONTRACT_COMMITMENT_RULES,
  isContractCommitmentHeader,
} from '../../../shared/focus/contract-commitment'
import { FOCUS_RULES } from '../../../shared/focus/rules'
import { detectFormat } from '../../../shared/formats/detect'
import { mapFocusHeader, type HeaderMapping } from '../../../shared/formats/focus-header'
import { commitmentMapping } from '../commitments/commitment-mapping'
import { failRead } from '../ingest/duckdb-errors'
import { detectFileKind } from '../ingest/file-kind'
import { refuseDuplicateColumns } from '../ingest/header-checks'
import { mapNativeStage, refuseUnknownFormat } from '../ingest/native-stage'
import { type SourceKind } from '../ingest/stage-sql'
import { planStage, runStage } from '../ingest/stage-plan'
import { Workspace } from '../workspace/workspace'
import { runRules, tally, type Validation } from './rule-results'
import { currencyFindings } from './currency-findings'
import { withCurrencyText } from '../ingest/currency-text-sql'
import { FILE_COLUMNS, fileRelationSql } from './validate-sql'

/** Validates one file; never throws for bad input — a file that cannot be read has `error` set. */
export async function validateFile(path: string, fileName: string): Promise<Validation> {
  const dir = await mkdtemp(join(tmpdir(), 'focal-validate-'))
  let ws: Workspace | undefined
  let format: string | null = null
  let focusVersion: string | null = null
  let dataset: Validation['dataset'] = 'CostAndUsage'
  try {
    ws = await Workspace.open(join(dir, 'validate.focal'), { create: true })
    const staged = await stage(ws, path, fileName)
    format = staged.format
    focusVersion = staged.mapping.version
    dataset = staged.dataset
    const commitments = dataset === 'ContractCommitment'
    // Provider x_ columns have no FOCUS rules; a Contract Commitment mapping holds only its own columns.
    const ruleColumns = staged.mapping.columns.filter(
      (c) => commitments || focusColumn(c.target) !== undefined,
    )
    const relation = ws.tempName('validate')
    await ws.run(fileRelationSql(relation, staged.table, staged.kind, ruleColumns, staged.types))
    const { rows, rules } = await runRules(ws, relation, FILE_COLUMNS, {
      rules: commitments ? CONTRACT_COMMITMENT_RULES : FOCUS_RULES,
      version: staged.mapping.version,
      present: new Set(ruleColumns.map((c) => c.target)),
      rowExpr: 'source_row',
      checkPresence: true,
    })
    // Money written as a currency string is read by an import: a warning, not a failed type rule.
    rules.push(
      ...(await currencyFindings(ws, staged.table, staged.kind, staged.mapping, staged.types)),
    )
    return {
      name: fileName,
      source: 'file',
      dataset,
      format,
      focusVersion,
      rows,
      rules,
      ...tally(rules),
      error: null,
    }
  } catch (cause) {
    return {
      name: fileName,
      source: 'file',
      dataset,
      format,
      focusVersion,
      rows: 0,
      rules: [],
      errors: 1,
      warnings: 0,
      error: describeFailure(cause, fileName),
    }
  } finally {
    await ws?.close()
    await rm(dir, { recursive: true, force: true })
  }
}

interface Staged {
  dataset: Validation['dataset']
  table: string
  kind: SourceKind
  mapping: HeaderMapping
  types: readonly string[]
  format: string
}

/** Reads the file into a stage as an import does (stage-sql.ts), then maps a native export to FOCUS columns. */
async function stage(ws: Workspace, path: string, fileName: string): Promise<Staged> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => fail('IO_ERROR', `Cannot read ${fileName}.`, { location: { file: fileName } }),
  )
  if (size < 0)
    fail('IO_ERROR', `${fileName} is not a regular file.`, { location: { file: fileName } })
  if (size === 0)
    fail('EMPTY_FILE', `${fileName} is empty (0 bytes).`, { location: { file: fileName } })
  const kind = await detectFileKind(path)
  if (kind === 'zip' || kind === 'unknown')
    fail('UNSUPPORTED_FORMAT', `${fileName} is neither CSV nor Parquet.`, {
      hint: 'Focal validates CSV, CSV.gz, Parquet and JSON-lines billing exports, and ZIP archives of them.',
      location: { file: fileName },
    })
  const table = ws.tempName('stage')
  // DuckDB reads the file through the throwaway workspace's gate folder (file-gate.ts); closing it removes the link.
  const readable = (await ws.admit(path).catch((cause: unknown) => failRead(cause, fileName))).path
  const plan = await planStage(ws, { readable, fileName, kind, table })
  await runStage(ws, plan, fileName)
  const { header, sourceTypes: types } = plan
  if (isContractCommitmentHeader(header))
    return {
      dataset: 'ContractCommitment',
      table,
      kind,
      types,
      format: kind,
      // The dataset's own columns (the first of a name used twice): the rules check only those.
      mapping: commitmentMapping(header).mapping,
    }
  const detected = detectFormat(header)
  const mapping = mapFocusHeader(header)
  // Unlike an import, validation reads a file with any FOCUS column as FOCUS: the presence rules say what it lacks.
  const anyFocusColumn = mapping.columns.some((c) => focusColumn(c.target) !== undefined)
  if (detected.kind === 'unknown' && !anyFocusColumn)
    refuseUnknownFormat(fileName, detected.closest, kind)
  if (detected.kind !== 'native') {
    refuseDuplicateColumns(mapping, fileName, kind)
    // Read as an import's text stage reads a FOCUS file (currency strings, the text null).
    const read = withCurrencyText(mapping)
    return { dataset: 'CostAndUsage', table, kind, mapping: read, types, format: kind }
  }
  const native = await mapNativeStage(ws, detected.mapping, fileName, {
    table,
    kind,
    header,
    sourceTypes: types,
  })
  return {
    dataset: 'CostAndUsage',
    table: native.table,
    kind: native.kind,
    mapping: native.mapping,
    types: native.sourceTypes,
    format: `${native.formatId}/${kind}`,
  }
}

/** "Nothing was imported" and its variants, with the punctuation before it. */
const NOTHING_IMPORTED = /(;|\.)? ?[Nn]othing was imported( from it)?\.?/

function withoutNothingImported(text: string): string {
  return text.replace(NOTHING_IMPORTED, '.').replace(/\.\.$/, '.')
}

/**
 * A Focal failure as the import words it, less its "nothing was imported"
 * (validation never imports); anything else named by the file, never a stack trace.
 */
export function describeFailure(cause: unknown, fileName: string): FocalError {
  if (cause instanceof FocalFailure) {
    const { hint, ...error } = cause.error
    const message = withoutNothingImported(error.message)
    const kept = hint && withoutNothingImported(hint)
    return kept ? { ...error, message, hint: kept } : { ...error, message }
  }
  const message = cause instanceof Error ? cause.message : String(cause)
  return {
    code: 'INTERNAL',
    message: `${fileName}: ${message.split('\n')[0]}`,
    location: { file: fileName },
  }
}
