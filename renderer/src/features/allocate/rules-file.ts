/**
 * Rule files in the browser, with no paths anywhere: a picked file is read
 * here with FileReader and sent as JSON for the engine to validate; an export
 * is a download of the draft as a Blob.
 */
import type { RuleSet } from '../../../../shared/allocate/rule-set'

/** The text of a file the user picked. */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}.`))
    reader.readAsText(file, 'utf-8')
  })
}

/** A file name for the rules: the rule set's name, kebab-cased. */
export function rulesFileName(ruleSet: RuleSet): string {
  const slug = (ruleSet.name ?? 'allocation-rules')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'allocation-rules'}.json`
}

/** Downloads the rules as pretty JSON (the same layout `focal allocate --export` writes). */
export function downloadRules(ruleSet: RuleSet): void {
  const blob = new Blob([`${JSON.stringify(ruleSet, null, 2)}\n`], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = rulesFileName(ruleSet)
  link.click()
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
