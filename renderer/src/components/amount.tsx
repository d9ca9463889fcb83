/** Money and quantities as people read them: right-aligned, tabular digits, exact value on hover. */
import { Text } from '@mantine/core'
import { formatMoney } from '../../../shared/money'

/** An amount of money rounded to cents for reading, with the exact decimal in its tooltip. */
export function Amount({
  value,
  currency,
  exact = false,
}: {
  value: string
  currency: string
  exact?: boolean
}) {
  const shown = exact ? formatExact(value, currency) : formatMoney(value, currency)
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

/** Every decimal of an exact amount (at least cents), for totals that must reconcile to the cent and below. */
export function formatExact(value: string, currency: string): string {
  return formatMoney(value, currency, { minimumFractionDigits: 2, maximumFractionDigits: 18 })
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
