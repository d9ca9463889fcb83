/**
 * Reads a column-mapping file (user-mapping.ts) and says, per field, what is
 * wrong and what to do: the shape by its zod schema, then what the schema
 * cannot see (a FOCUS column misspelt, a transform on a column of the wrong
 * type, a source column the header lacks, a required column left unfilled).
 */
import { fail } from '../contract/errors'
import { REQUIRED_TO_IMPORT, focusColumn } from '../focus'
import type { z } from '../zod'
import { USER_MAPPING_VERSION, UserMappingSchema, type UserMapping } from './user-mapping'

/** Transforms that read a number; allowed on FOCUS Decimal columns only. */
const NUMBER_FIELDS = ['decimal', 'thousands', 'negate', 'factor'] as const
/** Transforms that read a date; allowed on FOCUS Date/Time columns only. */
const DATE_FIELDS = ['date', 'addDays', 'addMonths', 'monthStart'] as const

/**
 * Every problem of parsed JSON as a mapping, without failing (the mapping screen shows them
 * while a mapping is being made); `mapping` is null when its shape is wrong.
 */
export function userMappingProblems(json: unknown): {
  mapping: UserMapping | null
  problems: string[]
} {
  const parsed = UserMappingSchema.safeParse(json)
  if (!parsed.success) return { mapping: null, problems: parsed.error.issues.map(describeIssue) }
  return { mapping: parsed.data, problems: meaningProblems(parsed.data) }
}

/** Checks parsed JSON as a mapping; fails with BAD_MAPPING listing every problem. */
export function checkUserMapping(json: unknown, fileName: string): UserMapping {
  const { mapping, problems } = userMappingProblems(json)
  if (problems.length > 0 || mapping === null)
    fail(
      'BAD_MAPPING',
      `${fileName} is not a usable column mapping: ${problems.join(' ')}`.trim(),
      {
        hint: 'Fix the mapping file as said, or make the mapping again on the mapping screen; nothing was imported.',
        location: { file: fileName },
        details: { problems },
      },
    )
  return mapping
}

/** Parses a mapping file's text; fails with BAD_MAPPING for text that is not JSON. */
export function parseUserMapping(text: string, fileName: string): UserMapping {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (cause) {
    fail('BAD_MAPPING', `${fileName} is not JSON (${(cause as Error).message}).`, {
      hint: 'A column mapping is a JSON file written by Focal (focal mappings export, or Export on the mapping screen).',
      location: { file: fileName },
    })
  }
  return checkUserMapping(json, fileName)
}

function field(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'The mapping' : path.map(String).join('.')
}

/** One zod issue as a sentence naming the field and what it takes. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const at = field(issue.path)
  const last = issue.path[issue.path.length - 1]
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${at}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'} (see the README for the fields a mapping takes).`
    case 'invalid_value':
      if (last === 'focalMapping')
        return `focalMapping: this Focal reads mapping files of version ${USER_MAPPING_VERSION}; set "focalMapping": ${USER_MAPPING_VERSION}.`
      return `${at}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`
    case 'invalid_format':
      if (last === 'factor')
        return `${at}: must be a decimal number with up to 6 decimals written as text, such as "0.01" or "100".`
      return `${at}: ${issue.message}.`
    case 'too_small':
      return `${at}: must not be empty.`
    case 'too_big':
      return `${at}: is too long (at most ${String(issue.maximum)} characters).`
    case 'invalid_type':
      // zod leaves the input out of an issue; its message says what was received.
      if (/received undefined$/.test(issue.message)) return `${at}: is missing; add it.`
      return `${at}: must be ${article(issue.expected)}.`
    case 'invalid_union':
      return last === 'tags'
        ? `tags: must be {"prefix": "<text>"} or {"columns": ["<source column>", …]}.`
        : `${at}: ${issue.message}.`
    default:
      return `${at}: ${issue.message}.`
  }
}

function article(type: string): string {
  if (type === 'record' || type === 'object') return 'an object'
  if (type === 'array') return 'a list'
  if (type === 'int' || type === 'number') return 'a whole number'
  if (type === 'boolean') return 'true or false'
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** What a well-formed mapping can still get wrong. */
function meaningProblems(mapping: UserMapping): string[] {
  const problems: string[] = []
  const header = new Set(mapping.header)
  const inHeader = (at: string, column: string): void => {
    if (!header.has(column))
      problems.push(
        `${at}: "${column}" is not in the mapping's header (${mapping.header.join(', ')}); name a column of the file.`,
      )
  }
  for (const [target, rule] of Object.entries(mapping.columns)) {
    const at = `columns.${target}`
    const spec = focusColumn(target)
    if (!spec && !target.startsWith('x_')) {
      problems.push(
        `${at}: "${target}" is not a FOCUS 1.4 column; use a FOCUS column name as the spec spells it (e.g. BilledCost) or an x_ name for a column of your own.`,
      )
      continue
    }
    const given = Object.keys(rule).filter((k) => rule[k as keyof typeof rule] !== undefined)
    if ((rule.column === undefined) === (rule.constant === undefined)) {
      problems.push(
        `${at}: give either "column" (a source column) or "constant" (a value), not both or neither.`,
      )
      continue
    }
    if (rule.constant !== undefined) {
      const extra = given.filter((k) => k !== 'constant')
      if (extra.length > 0)
        problems.push(`${at}: a constant takes no transforms (${extra.join(', ')}); remove them.`)
      continue
    }
    inHeader(`${at}.column`, rule.column ?? '')
    const type = spec?.type ?? 'string'
    const wrong = (fields: readonly string[], kind: string): void => {
      const used = fields.filter((f) => given.includes(f))
      if (used.length > 0)
        problems.push(
          `${at}: ${used.join(', ')} read${used.length > 1 ? '' : 's'} ${kind}, but ${target} is not a ${kind} column; remove ${used.length > 1 ? 'them' : 'it'}.`,
        )
    }
    if (type !== 'decimal') wrong(NUMBER_FIELDS, 'number')
    if (type !== 'datetime') wrong(DATE_FIELDS, 'date')
    if (type !== 'datetime' && type !== 'decimal') {
      if (rule.otherwise !== undefined && rule.lookup === undefined)
        problems.push(
          `${at}: "otherwise" is the value for what a lookup lacks; add a "lookup" or remove it.`,
        )
    } else wrong(['lookup', 'otherwise'], 'text')
    if (rule.decimal !== undefined && rule.decimal === rule.thousands)
      problems.push(
        `${at}: the decimal mark and the thousands separator are both "${rule.decimal}"; they must differ.`,
      )
  }
  const missing = REQUIRED_TO_IMPORT.filter((c) => mapping.columns[c] === undefined)
  if (missing.length > 0)
    problems.push(
      `The mapping does not fill the required FOCUS column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: map each to a source column or a constant.`,
    )
  // Reconciliation sums the source's money columns as written (independently of the mapping's SQL).
  for (const money of ['BilledCost', 'EffectiveCost'] as const)
    if (mapping.columns[money]?.constant !== undefined)
      problems.push(
        `columns.${money}: money must come from a source column, so its total can be checked against the file; name the column.`,
      )
  const currency = mapping.columns.BillingCurrency
  if (currency?.lookup !== undefined || currency?.trim !== undefined)
    problems.push(
      'columns.BillingCurrency: takes a source column as written or a constant, without transforms (totals are checked per currency as the file writes it); remove them.',
    )
  if (mapping.tags && 'columns' in mapping.tags)
    mapping.tags.columns.forEach((c, i) => inHeader(`tags.columns.${i}`, c))
  return problems
}
