/**
 * The automatic part of the tag alias policy (issue 8): keys that differ only by
 * case, spaces, `-`/`_`, camelCase word boundaries or the AWS provider prefix
 * `user:` are one key. `CostCenter`, `cost-center`, `cost_center`, `Cost Center`
 * and `user:CostCenter` all normalize to `cost center`.
 */

/** Provider prefixes dropped before comparing (AWS CUR legacy writes user tags as `user:<Key>`). */
export const PROVIDER_TAG_PREFIXES: readonly string[] = ['user:']

/** The words of a key, lower-case, joined by one space; the form alias grouping compares. */
export function normalizeTagKey(key: string): string {
  let rest = key.trim()
  for (const prefix of PROVIDER_TAG_PREFIXES) {
    if (rest.toLowerCase().startsWith(prefix) && rest.length > prefix.length) {
      rest = rest.slice(prefix.length)
      break
    }
  }
  const words = rest
    // camelCase and PascalCase boundaries; an acronym keeps together ("AWSAccount" → AWS Account).
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '')
  // A key of only separators keeps its own text, so it never joins another.
  return words.length === 0 ? key : words.join(' ').toLowerCase()
}
