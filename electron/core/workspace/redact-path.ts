/**
 * What a workspace stores names files by their display name only (README:
 * no absolute paths in a workspace). Raw error texts carry the path they
 * failed on (`ENOENT: no such file or directory, stat '/home/…/a.csv'`, DuckDB's
 * `Cannot open file "/…"`), so every text is cleaned where it is stored.
 */
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** Every spelling of `path` (as given, absolute, symlinks resolved) and of its folder, longest first. */
function spellings(path: string): string[] {
  const forms = new Set<string>([path, resolve(path)])
  try {
    forms.add(realpathSync(path))
  } catch {
    // A missing file has no real path; the other spellings still apply.
  }
  for (const form of [...forms]) {
    const folder = dirname(form)
    // The root alone ("/") is in every path; replacing it would mangle the text.
    if (folder !== dirname(folder)) forms.add(folder)
  }
  return [...forms].filter((f) => f.length > 1).sort((a, b) => b.length - a.length)
}

/**
 * `value` (a string, or strings inside arrays and objects) with every
 * occurrence of `path` or its folder replaced by `displayName`.
 */
export function redactPath<T>(value: T, path: string | undefined, displayName: string): T {
  if (!path) return value
  const forms = spellings(path)
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      let text = item
      for (const form of forms) text = text.split(form).join(displayName)
      // "dir" replaced inside "dir/file" leaves "name/file": one name is enough.
      return text.split(`${displayName}/${displayName}`).join(displayName)
    }
    if (Array.isArray(item)) return item.map(clean)
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, clean(v)]))
    return item
  }
  return clean(value) as T
}
