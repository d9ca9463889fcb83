/**
 * The --filter and --exclude flags of a command that takes a slice of cost (`focal metrics
 * unit-cost`): '<dim>=<value>[,<value>]' as `focal pivot` writes them, "(none)" for no value.
 */
import { parseDimension, type Filter } from '../../shared/pivot'

/** The filters the flags describe, or the mistake in a sentence naming the flag. */
export function sliceFiltersFromArgs(
  include: readonly string[],
  exclude: readonly string[],
): Filter[] | string {
  const filters: Filter[] = []
  for (const [flag, list, op] of [
    ['--filter', include, 'in'],
    ['--exclude', exclude, 'notIn'],
  ] as const)
    for (const text of list) {
      const at = text.indexOf('=')
      if (at <= 0) return `${flag} takes '<dim>=<value>[,<value>]', not "${text}".`
      const values = text
        .slice(at + 1)
        .split(',')
        .map((v) => (v === '(none)' ? null : v))
      filters.push({ dimension: parseDimension(text.slice(0, at).trim()), op, values })
    }
  return filters
}
