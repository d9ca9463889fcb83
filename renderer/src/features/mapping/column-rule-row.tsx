/** One FOCUS column of the mapping screen: where its value comes from, and how it is read. */
import { Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core'
import type { UserColumnRule } from '../../../../shared/formats/user-mapping'
import type { MappingTarget } from './mapping-targets'

/** The source picker's value for a constant. */
const CONSTANT = '\u0000constant'

/** Props of one row. */
export interface ColumnRuleRowProps {
  readonly target: MappingTarget
  readonly rule: UserColumnRule | undefined
  /** Source columns with a few sample values each, for the picker's labels. */
  readonly sources: readonly { readonly name: string; readonly samples: readonly string[] }[]
  onChange(rule: UserColumnRule | undefined): void
}

/** A value table written as lines `from = to`. */
function lookupText(lookup: Record<string, string> | undefined): string {
  return Object.entries(lookup ?? {})
    .map(([from, to]) => `${from}=${to}`)
    .join('; ')
}

function parseLookup(text: string): Record<string, string> | undefined {
  const entries = text
    .split(';')
    .map((pair) => pair.split('='))
    .filter((pair) => pair.length === 2 && (pair[0] ?? '').trim() !== '')
    .map(([from = '', to = '']) => [from.trim(), to.trim()])
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Drops empty fields, so the draft is the mapping file a person would write. */
function tidy(rule: UserColumnRule): UserColumnRule {
  return Object.fromEntries(
    Object.entries(rule).filter(([, v]) => v !== undefined && v !== '' && v !== false),
  ) as UserColumnRule
}

/** A row of the column table. */
export function ColumnRuleRow({ target, rule, sources, onChange }: ColumnRuleRowProps) {
  const picked = rule?.constant !== undefined ? CONSTANT : (rule?.column ?? null)
  const set = (change: Partial<UserColumnRule>): void => onChange(tidy({ ...rule, ...change }))
  const options = [
    { value: CONSTANT, label: 'A constant value…' },
    ...sources.map((s) => ({
      value: s.name,
      label: `${s.name}${s.samples.length > 0 ? ` — ${s.samples.slice(0, 3).join(' · ')}` : ''}`,
    })),
  ]
  return (
    <Table.Tr data-testid="mapping-rule" data-target={target.name}>
      <Table.Td>
        <Text size="sm" fw={target.required ? 600 : 400}>
          {target.name}
        </Text>
        <Text size="xs" c="dimmed">
          {target.required ? 'required · ' : ''}
          {target.type}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          placeholder="Not mapped"
          aria-label={`${target.name} source`}
          data={options}
          value={picked}
          clearable
          searchable
          onChange={(value) =>
            onChange(
              value === null
                ? undefined
                : value === CONSTANT
                  ? { constant: rule?.constant ?? '' }
                  : tidy({ ...rule, constant: undefined, column: value }),
            )
          }
        />
        {rule?.constant !== undefined ? (
          <TextInput
            size="xs"
            mt={4}
            aria-label={`${target.name} constant`}
            placeholder="Value for every row"
            value={rule.constant}
            onChange={(e) => onChange({ constant: e.currentTarget.value })}
          />
        ) : null}
      </Table.Td>
      <Table.Td>
        {rule?.column !== undefined ? (
          <Transforms target={target} rule={rule} set={set} />
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

/** The transforms that fit the column's type. */
function Transforms({
  target,
  rule,
  set,
}: {
  target: MappingTarget
  rule: UserColumnRule
  set: (change: Partial<UserColumnRule>) => void
}) {
  const name = target.name
  // Totals are checked per currency as the file writes it (user-mapping-check.ts).
  if (name === 'BillingCurrency')
    return (
      <Text size="xs" c="dimmed">
        As written (e.g. EUR); or pick a constant
      </Text>
    )
  if (target.type === 'decimal')
    return (
      <Group gap={6} wrap="wrap">
        <Select
          size="xs"
          w={120}
          aria-label={`${name} decimal mark`}
          data={[
            { value: '.', label: 'Decimal .' },
            { value: ',', label: 'Decimal ,' },
          ]}
          value={rule.decimal ?? '.'}
          onChange={(v) => set({ decimal: v === ',' ? ',' : undefined })}
        />
        <Select
          size="xs"
          w={140}
          aria-label={`${name} thousands separator`}
          data={[
            { value: '', label: 'No thousands sep.' },
            { value: '.', label: 'Thousands .' },
            { value: ',', label: 'Thousands ,' },
            { value: ' ', label: 'Thousands space' },
            { value: "'", label: "Thousands '" },
          ]}
          value={rule.thousands ?? ''}
          onChange={(v) => set({ thousands: (v || undefined) as UserColumnRule['thousands'] })}
        />
        <TextInput
          size="xs"
          w={90}
          aria-label={`${name} factor`}
          placeholder="× factor"
          value={rule.factor ?? ''}
          onChange={(e) => set({ factor: e.currentTarget.value || undefined })}
        />
        <TextInput
          size="xs"
          w={80}
          aria-label={`${name} trim`}
          placeholder="trim €$"
          value={rule.trim ?? ''}
          onChange={(e) => set({ trim: e.currentTarget.value || undefined })}
        />
        <Checkbox
          size="xs"
          label="negate"
          checked={rule.negate ?? false}
          onChange={(e) => set({ negate: e.currentTarget.checked || undefined })}
        />
      </Group>
    )
  if (target.type === 'datetime')
    return (
      <Group gap={6} wrap="wrap">
        <TextInput
          size="xs"
          w={130}
          aria-label={`${name} date format`}
          placeholder="ISO, or %d.%m.%Y"
          value={rule.date ?? ''}
          onChange={(e) => set({ date: e.currentTarget.value || undefined })}
        />
        <TextInput
          size="xs"
          w={80}
          aria-label={`${name} add days`}
          placeholder="+ days"
          value={rule.addDays === undefined ? '' : String(rule.addDays)}
          onChange={(e) => {
            const days = Number.parseInt(e.currentTarget.value, 10)
            set({ addDays: Number.isNaN(days) ? undefined : days })
          }}
        />
        <Checkbox
          size="xs"
          label="month start"
          checked={rule.monthStart ?? false}
          onChange={(e) => set({ monthStart: e.currentTarget.checked || undefined })}
        />
      </Group>
    )
  return (
    <Group gap={6} wrap="wrap">
      <TextInput
        size="xs"
        w={220}
        aria-label={`${name} lookup`}
        placeholder="Value table: EC2=Compute; S3=Storage"
        defaultValue={lookupText(rule.lookup)}
        onBlur={(e) => set({ lookup: parseLookup(e.currentTarget.value) })}
      />
      {rule.lookup ? (
        <TextInput
          size="xs"
          w={110}
          aria-label={`${name} otherwise`}
          placeholder="Otherwise"
          value={rule.otherwise ?? ''}
          onChange={(e) => set({ otherwise: e.currentTarget.value || undefined })}
        />
      ) : null}
      <TextInput
        size="xs"
        w={80}
        aria-label={`${name} trim`}
        placeholder="trim"
        value={rule.trim ?? ''}
        onChange={(e) => set({ trim: e.currentTarget.value || undefined })}
      />
    </Group>
  )
}
