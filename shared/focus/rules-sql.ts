/**
 * Compiles the FOCUS rule table (rules.ts) to SQL: one condition per rule over
 * a relation of FOCUS-named columns, and one aggregate pass that counts every
 * rule's breaking rows and keeps the first few of each.
 */
import { isJsonObject, quoteIdent, quoteLiteral } from '../sql/identifiers'
import type { FocusRule } from './rules'
import { FOCUS_VERSIONS, type FocusVersion } from './versions'

/** How a relation exposes a FOCUS column to the rules. */
export interface RuleColumns {
  /** The column's FOCUS-typed value (null where the source value does not convert). */
  value(column: string): string
  /** The value as the source holds it (text), for null checks and the samples a person looks up. */
  text(column: string): string
  /** A condition true where a present value does not convert to the column's type. */
  bad(column: string): string
}

/** A relation of stored rows: values are already typed, so none is bad. */
export const STORED_COLUMNS: RuleColumns = {
  value: quoteIdent,
  text: quoteIdent,
  bad: () => 'false',
}

/** True when a file of FOCUS `version` is held to a rule introduced in `since`. */
export function versionAtLeast(version: FocusVersion, since: FocusVersion): boolean {
  return FOCUS_VERSIONS.indexOf(version) >= FOCUS_VERSIONS.indexOf(since)
}

/**
 * The rules that apply to a file of `version` with columns `present`. A rule
 * of one column applies wherever the column is (a file holds its columns to
 * their FOCUS type and values whatever version its header suggests, as an
 * import does); presence and cross-column rules only from their version on.
 */
export function applicableRules(
  rules: readonly FocusRule[],
  version: FocusVersion,
  present: ReadonlySet<string>,
): FocusRule[] {
  return rules.filter(
    (r) =>
      r.needs.every((c) => present.has(c)) &&
      ((r.check !== 'presence' && r.check !== 'cross') || versionAtLeast(version, r.since)),
  )
}

/** The condition true on a row that breaks `rule`; null for presence, which is a header check. */
export function violatedSql(rule: FocusRule, columns: RuleColumns): string | null {
  const value = columns.value(rule.column)
  const orNull = (condition: string, withNull?: boolean): string =>
    withNull ? `${value} IS NULL OR ${condition}` : `${value} IS NOT NULL AND ${condition}`
  switch (rule.check) {
    case 'presence':
      return null
    case 'type':
      return columns.bad(rule.column)
    case 'nullability':
      return `${columns.text(rule.column)} IS NULL`
    case 'allowed':
      return orNull(`${value} NOT IN (${rule.values.map(quoteLiteral).join(', ')})`, rule.orNull)
    case 'format':
      return orNull(
        rule.pattern === 'json-object'
          ? `NOT ${isJsonObject(value)}`
          : `NOT regexp_full_match(${value}, ${quoteLiteral(rule.pattern)})`,
        rule.orNull,
      )
    case 'cross':
      return rule.violated
  }
}

/** Longest part of a value a sample keeps in SQL; the shown value is cut shorter (sample.ts). */
const SAMPLE_CHARACTERS = 200

/**
 * One pass over `relation` that counts: `total` rows and, per rule `i` that
 * has a row condition, `n<i>` breaking rows. Samples are a second query
 * (ruleSamplesSql) over the rules that failed only: gathering samples for
 * every rule in this pass doubled its time on a 1M-row file where one fails.
 */
export function ruleCountsSql(
  rules: readonly FocusRule[],
  relation: string,
  columns: RuleColumns,
): string {
  const parts = rules.flatMap((rule, i) => {
    const violated = violatedSql(rule, columns)
    return violated === null ? [] : [`count(*) FILTER (WHERE ${violated}) AS n${i}`]
  })
  return `SELECT count(*) AS total${parts.length ? `, ${parts.join(', ')}` : ''} FROM ${relation}`
}

/**
 * Per rule `i` of `failed` (indexes into `rules`), `s<i>`: the first `samples`
 * breaking rows by source row, `{ file?, row, value }`, the value as text.
 * Only rows that break one of them are aggregated. `rowExpr` is the 1-based
 * source row; `fileExpr` names its file when the relation holds several files.
 */
export function ruleSamplesSql(
  rules: readonly FocusRule[],
  failed: readonly number[],
  relation: string,
  columns: RuleColumns,
  options: { rowExpr: string; fileExpr?: string; samples: number },
): string | null {
  const parts = failed.flatMap((i) => {
    const rule = rules[i]
    const violated = rule && violatedSql(rule, columns)
    if (!rule || !violated) return []
    // The value as the source wrote it, so a person finds it in the file.
    const shown = columns.text(rule.column)
    const sample = [
      ...(options.fileExpr ? [`'file': ${options.fileExpr}`] : []),
      `'row': ${options.rowExpr}`,
      `'value': left(CAST(${shown} AS VARCHAR), ${SAMPLE_CHARACTERS})`,
    ].join(', ')
    return [
      {
        select: `min({${sample}}, ${options.samples}) FILTER (WHERE ${violated}) AS s${i}`,
        violated,
      },
    ]
  })
  if (parts.length === 0) return null
  return `SELECT ${parts.map((p) => p.select).join(', ')} FROM ${relation} WHERE ${parts.map((p) => `(${p.violated})`).join(' OR ')}`
}
