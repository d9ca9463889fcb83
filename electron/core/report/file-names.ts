/**
 * File names for a pack: one per cost center, safe on every OS (no reserved
 * characters or names), and unique even on case-insensitive file systems.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A file-name-safe slug of a cost center name (letters, digits, dot, dash, underscore). */
export function slugify(name: string, maxLength = 80): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, maxLength)
    .replace(/[-.]+$/g, '')
  if (!slug || WINDOWS_RESERVED.test(slug)) return `cost-center${slug ? `-${slug}` : ''}`
  return slug
}

/** Slugs for each name, in order, made unique case-insensitively with -2, -3 … */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((name) => {
    const base = slugify(name)
    let slug = base
    for (let n = 2; used.has(slug.toLowerCase()); n++) slug = `${base}-${n}`
    used.add(slug.toLowerCase())
    return slug
  })
}
