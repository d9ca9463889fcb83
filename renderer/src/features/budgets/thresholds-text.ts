/** Thresholds as a person types them in the Budgets tab: percents separated by ";" or spaces. */

/** Parses "50;80;100" into ascending whole percents 1–1000; null when it is not such a list. */
export function parseThresholdsText(text: string): number[] | null {
  const parts = text.split(/[;,| ]+/).filter((p) => p !== '')
  if (parts.length === 0 || parts.length > 10 || parts.some((p) => !/^\d{1,4}$/.test(p)))
    return null
  const values = parts.map(Number)
  if (values.some((v) => v < 1 || v > 1000)) return null
  return [...new Set(values)].sort((a, b) => a - b)
}

/** A decimal amount above zero as typed ("1,250.50" reads as 1250.50); null otherwise. */
export function parseAmountText(text: string): string | null {
  const plain = text.trim().replaceAll(',', '')
  if (!/^\d{1,20}(\.\d{1,18})?$/.test(plain) || /^0*(\.0*)?$/.test(plain)) return null
  return plain
}
