/**
 * The condition flags of `focal pivot` (issue 9, Filters): a numeric range (--where
 * 'BilledCost>=100'), a text match (--contains / --starts-with / --equals '<dim>=<text>', any
 * case) and a tag present or missing (--has-tag / --no-tag <key>); each becomes one of the
 * spec's conditions, as the screen's filter editor makes them.
 */
import { parseDimension, type Condition } from '../../shared/pivot'

/** The condition options as parseArgs gives them. */
export interface ConditionArgs {
  where?: readonly string[]
  contains?: readonly string[]
  'starts-with'?: readonly string[]
  equals?: readonly string[]
  'has-tag'?: readonly string[]
  'no-tag'?: readonly string[]
}

const repeatable = () => ({
  type: 'string' as const,
  multiple: true as const,
  default: [] as string[],
})

/** parseArgs options of the condition flags (each may be given several times). */
export const CONDITION_OPTIONS = {
  where: repeatable(),
  contains: repeatable(),
  'starts-with': repeatable(),
  equals: repeatable(),
  'has-tag': repeatable(),
  'no-tag': repeatable(),
}

/** Help lines of the condition flags, for PIVOT_HELP. */
export const CONDITION_HELP = `--where '<column>>=<n>' or '<column><=<n>' keeps rows whose amount or quantity is at
      least or at most n (exact decimals, both ends included; give --where twice for a range).
      --contains, --starts-with, --equals '<dim>=<text>' match a dimension's text in any case.
      --has-tag <key> and --no-tag <key> keep rows that carry the tag key, or do not.`

const DECIMAL = /^-?\d{1,20}(\.\d{1,18})?$/

/** The conditions the flags describe, or the mistake in a sentence naming the flag. */
export function conditionsFromArgs(args: ConditionArgs): Condition[] | string {
  const conditions: Condition[] = []
  for (const text of args.where ?? []) {
    const match = /^\s*([^<>=\s]+)\s*(>=|<=)\s*(\S+)\s*$/.exec(text)
    if (!match) return `--where takes '<column>>=<number>' or '<column><=<number>', not "${text}".`
    const [, column = '', op, value = ''] = match
    if (!DECIMAL.test(value))
      return `--where: "${value}" is not a number; write it as 100 or -12.50.`
    conditions.push({
      op: 'range',
      column,
      min: op === '>=' ? value : null,
      max: op === '<=' ? value : null,
    })
  }
  for (const [flag, list, op] of [
    ['--contains', args.contains, 'contains'],
    ['--starts-with', args['starts-with'], 'startsWith'],
    ['--equals', args.equals, 'equals'],
  ] as const) {
    for (const text of list ?? []) {
      const at = text.indexOf('=')
      if (at <= 0) return `${flag} takes '<dim>=<text>', not "${text}".`
      const dimension = parseDimension(text.slice(0, at).trim())
      const key = dimension.kind === 'column' ? dimension.name : dimension.key
      if (key === '') return `${flag} takes '<dim>=<text>', not "${text}".`
      conditions.push({ op, dimension, text: text.slice(at + 1) })
    }
  }
  for (const [flag, list, op] of [
    ['--has-tag', args['has-tag'], 'tagPresent'],
    ['--no-tag', args['no-tag'], 'tagMissing'],
  ] as const) {
    for (const key of list ?? []) {
      if (key === '') return `${flag} takes a tag key.`
      conditions.push({ op, key: key.startsWith('tag:') ? key.slice(4) : key })
    }
  }
  return conditions
}
