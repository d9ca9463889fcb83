/**
 * The second reader's own parse of a JSON array of objects held in one CSV
 * field (GCP `credits`), written as JSON or as the Python literal a flattened
 * export writes (`[{'amount': -5e-06, 'full_name': None}]`). It shares no code
 * with the mapping's SQL, so a credit the stage misreads shows as a difference.
 */

/** Python literal text as JSON text: single-quoted strings and None/True/False rewritten; null if unbalanced. */
export function pythonToJson(text: string): string | null {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (ch === "'" || ch === '"') {
      let value = ''
      let j = i + 1
      for (; j < text.length && text[j] !== ch; j++) {
        if (text[j] === '\\' && j + 1 < text.length) value += text[++j]
        else value += text[j]
      }
      if (j >= text.length) return null
      out += JSON.stringify(value)
      i = j
      continue
    }
    const word = /^(None|True|False)\b/.exec(text.slice(i))?.[1]
    if (word) {
      out += word === 'None' ? 'null' : word.toLowerCase()
      i += word.length - 1
      continue
    }
    out += ch
  }
  return out
}

/**
 * The text of `key` of each object of the array (numbers as their shortest decimal text, as GCP
 * writes FLOAT64), or null when the text is no array of objects.
 */
export function arrayAmounts(text: string, key: string): string[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    const json = pythonToJson(text)
    if (json === null) return null
    try {
      parsed = JSON.parse(json)
    } catch {
      return null
    }
  }
  if (!Array.isArray(parsed)) return null
  const amounts: string[] = []
  for (const item of parsed) {
    if (typeof item !== 'object' || item === null) return null
    const value = (item as Record<string, unknown>)[key]
    if (value === null || value === undefined) continue
    if (typeof value !== 'number' && typeof value !== 'string') return null
    amounts.push(String(value))
  }
  return amounts
}
