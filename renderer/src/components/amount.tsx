/**
 * Money and quantities as people read them: right-aligned, tabular digits, exact value on hover.
 * Money goes through the one formatter reports use too (shared/report: formatAmount, formatExact),
 * so a screen and a PDF write the same amount the same way ("USD -0.15").
 */
import { Text } from '@mantine/core'
import { formatAmount, formatExact } from '../../../shared/report'

/** An amount of money rounded to its currency's precision for reading, with the exact decimal in its tooltip. */
export function Amount({
  value,
  currency,
  exact = false,
}: {
  value: string
  currency: string
  exact?: boolean
}) {
  const shown = exact ? formatExact(value, currency) : formatAmount(value, currency)
  return (
    <Text
      component="span"
      inherit
      className="amount"
      title={`${value} ${currency}`}
      data-value={value}
    >
      {shown}
    </Text>
  )
}

/** A quantity with grouped digits (up to 6 decimals) and its unit. */
export function formatQuantity(value: string, unit: string | null): string {
  const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(
    value as unknown as number,
  )
  return unit ? `${number} ${unit}` : number
}

/** Bytes as KB/MB/GB with one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}
