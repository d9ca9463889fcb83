/**
 * Runs FOCUS rules (shared/focus/rules.ts) over a relation in one pass and
 * reads back, per rule, its failing row count and first sample rows.
 */
import type { FocalError } from '../../../shared/contract'
import {
  FOCUS_RULES,
  type FocusRule,
  type RuleCheck,
  type RuleSeverity,
} from '../../../shared/focus/rules'
import {
  applicableRules,
  ruleCountsSql,
  ruleSamplesSql,
  type RuleColumns,
} from '../../../shared/focus/rules-sql'
import type { FocusVersion } from '../../../shared/focus'
import type { Workspace } from '../workspace/workspace'

/** Sample rows kept per rule. */
export const SAMPLE_ROWS = 5

/** Longest part of a sample value shown; the rest is cut with "…". */
const SHOWN_CHARACTERS = 60

/** One row that breaks a rule: its source row (1-based data row, as import errors count) and value. */
export interface RuleSample {
  /** The file the row came from (workspace validation, which holds several files). */
  readonly file?: string
  readonly row: number
  /** The offending value as text, at most 60 characters, control characters as \uXXXX; null when empty. */
  readonly value: string | null
}

/** The outcome of one rule. */
export interface RuleResult {
  readonly rule: string
  readonly check: RuleCheck
  readonly column: string
  /** The FOCUS version that introduced the rule, and the spec section it comes from. */
  readonly since: string
  readonly section: string
  readonly severity: RuleSeverity
  readonly message: string
  /** Rows that break it (presence: 0 rows and `passed` false when the column is missing). */
  readonly failingRows: number
  readonly passed: boolean
  readonly samples: readonly RuleSample[]
}

/** The validation of one file or one workspace. */
export interface Validation {
  /** Display name: the file name, or the workspace's name. */
  readonly name: string
  /** 'file' or 'workspace'. */
  readonly source: 'file' | 'workspace'
  /** The FOCUS dataset the rows were checked as. */
  readonly dataset: 'CostAndUsage' | 'ContractCommitment'
  /** The format read (csv, parquet, aws-cur-legacy/csv, …); null when the file could not be read. */
  readonly format: string | null
  /** The FOCUS version the rules were chosen for (detected from the header). */
  readonly focusVersion: string | null
  readonly rows: number
  readonly rules: readonly RuleResult[]
  /** Rules of each severity that failed. */
  readonly errors: number
  readonly warnings: number
  /** Why the file could not be validated at all (unreadable, not a billing export, …). */
  readonly error: FocalError | null
}

/** A value as a sample shows it: at most 60 characters, control characters written as \uXXXX. */
export function shownValue(value: string | null): string | null {
  if (value === null) return null
  const characters = Array.from(value)
  const escaped = characters
    .slice(0, SHOWN_CHARACTERS)
    .join('')
    .replace(
      /[\u0000-\u001f\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  return characters.length > SHOWN_CHARACTERS ? `${escaped}…` : escaped
}

/** Runs every rule that applies to `version` and `present` columns over `relation`; returns the results and the row count. */
export async function runRules(
  ws: Workspace,
  relation: string,
  columns: RuleColumns,
  input: {
    /** The dataset's rules (default: Cost and Usage). */
    rules?: readonly FocusRule[]
    version: FocusVersion
    present: ReadonlySet<string>
    rowExpr: string
    fileExpr?: string
    /** False for stored rows, whose header is not known: presence is not checked. */
    checkPresence: boolean
  },
): Promise<{ rows: number; rules: RuleResult[] }> {
  const all = input.rules ?? FOCUS_RULES
  const rules = applicableRules(
    all.filter((r) => r.check !== 'presence'),
    input.version,
    input.present,
  )
  const presence = input.checkPresence
    ? applicableRules(
        all.filter((r) => r.check === 'presence'),
        input.version,
        new Set(),
      )
    : []
  // Counts in one pass; samples in a second pass over the rules that failed (rules-sql.ts says why).
  const [counts = {}] = await ws.all(ruleCountsSql(rules, relation, columns))
  const failed = rules.flatMap((_, i) => (Number(counts[`n${i}`] ?? 0) > 0 ? [i] : []))
  const samplesSql = ruleSamplesSql(rules, failed, relation, columns, {
    rowExpr: input.rowExpr,
    fileExpr: input.fileExpr,
    samples: SAMPLE_ROWS,
  })
  const [samples = {}] = samplesSql ? await ws.all(samplesSql) : []
  return {
    rows: Number(counts.total ?? 0),
    rules: [
      ...presence.map((r) => result(r, 0, !input.present.has(r.column), [])),
      ...rules.map((r, i) => {
        const failing = Number(counts[`n${i}`] ?? 0)
        return result(r, failing, failing > 0, toSamples(samples[`s${i}`]))
      }),
    ],
  }
}

function result(
  rule: FocusRule,
  failingRows: number,
  failed: boolean,
  samples: RuleSample[],
): RuleResult {
  return {
    rule: rule.id,
    check: rule.check,
    column: rule.column,
    since: rule.since,
    section: rule.section,
    severity: rule.severity,
    message: rule.message,
    failingRows,
    passed: !failed,
    samples,
  }
}

function toSamples(list: unknown): RuleSample[] {
  if (!Array.isArray(list)) return []
  return list.map((item: Record<string, unknown>) => ({
    ...(item.file !== undefined ? { file: String(item.file) } : {}),
    row: Number(item.row),
    value: shownValue(item.value == null ? null : String(item.value)),
  }))
}

/** The error and warning counts of a list of rule results. */
export function tally(rules: readonly RuleResult[]): { errors: number; warnings: number } {
  const failed = rules.filter((r) => !r.passed)
  return {
    errors: failed.filter((r) => r.severity === 'error').length,
    warnings: failed.filter((r) => r.severity === 'warning').length,
  }
}
