/**
 * A field of the cost rows: a FOCUS or provider column, or a tag as
 * `tag:<key>`, offered from the workspace's catalog. Free text is allowed,
 * since rules may name a tag that only next month's data will carry; the
 * engine says so when a column does not exist.
 */
import { Autocomplete } from '@mantine/core'
import { useAppStore } from '../../state/store-context'
import { dimensionOptions } from '../explore/pivot-builder'

/** Which columns to offer: text-like ones (conditions, targets) or numeric ones (usage drivers). */
export type FieldKind = 'text' | 'number'

/** The field picker. */
export function FieldInput({
  value,
  onChange,
  kind = 'text',
  label,
  w = 220,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  kind?: FieldKind
  label?: string
  w?: number | string
  testId?: string
}) {
  const catalog = useAppStore((s) => s.catalog)
  const data =
    kind === 'text'
      ? dimensionOptions(catalog)
      : [
          {
            group: 'Numeric columns',
            items: (catalog?.columns ?? [])
              .filter((c) => c.type === 'decimal' || c.type === 'number')
              .map((c) => c.name)
              .sort(),
          },
        ]
  return (
    <Autocomplete
      label={label}
      aria-label={label ?? 'Field'}
      data={data}
      value={value}
      onChange={onChange}
      placeholder="Column or tag:key"
      limit={60}
      w={w}
      size="xs"
      data-testid={testId}
    />
  )
}
