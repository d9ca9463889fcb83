/**
 * Adds or edits a vendor or contract: name, category, owner, contract start and end, renewal
 * date, notice period, data held, exit plan, annual value and currency. Empty fields are
 * saved as not entered; the core checks the rest and says what to correct.
 */
import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { VendorEntry, VendorInput } from '../../../../shared/contract/vendors'
import { useAppStore } from '../../state/store-context'

type Draft = Record<Exclude<keyof VendorInput, 'noticeDays'>, string> & {
  noticeDays: number | ''
}

function draftOf(entry: VendorEntry | null): Draft {
  return {
    name: entry?.name ?? '',
    category: entry?.category ?? '',
    owner: entry?.owner ?? '',
    contractStart: entry?.contractStart ?? '',
    contractEnd: entry?.contractEnd ?? '',
    renewalDate: entry?.renewalDate ?? '',
    noticeDays: entry?.noticeDays ?? '',
    dataHeld: entry?.dataHeld ?? '',
    exitPlan: entry?.exitPlan ?? '',
    annualValue: entry?.annualValue ?? '',
    currency: entry?.currency ?? '',
  }
}

/** What the draft saves: empty text as null, the currency in capitals. */
export function vendorInputOf(d: Draft): VendorInput {
  const text = (s: string): string | null => (s.trim() === '' ? null : s.trim())
  return {
    name: d.name.trim(),
    category: text(d.category),
    owner: text(d.owner),
    contractStart: text(d.contractStart),
    contractEnd: text(d.contractEnd),
    renewalDate: text(d.renewalDate),
    noticeDays: d.noticeDays === '' ? null : d.noticeDays,
    dataHeld: text(d.dataHeld),
    exitPlan: text(d.exitPlan),
    annualValue: text(d.annualValue),
    currency: text(d.currency)?.toUpperCase() ?? null,
  }
}

/** The form; `entry` null adds a vendor. `onDone` closes it after a save or a cancel. */
export function VendorForm({ entry, onDone }: { entry: VendorEntry | null; onDone: () => void }) {
  const save = useAppStore((s) => s.saveVendor)
  const busy = useAppStore((s) => s.vendors.edit.status === 'running')
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry))
  const field = (key: Exclude<keyof Draft, 'noticeDays'>, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={draft[key]}
      onChange={(e) => {
        const value = e.currentTarget.value
        setDraft((d) => ({ ...d, [key]: value }))
      }}
      data-testid={`vendor-field-${key}`}
    />
  )
  const submit = async (): Promise<void> => {
    if (await save(vendorInputOf(draft), entry?.id)) onDone()
  }
  return (
    <Stack gap="xs" data-testid="vendor-form">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {field('name', 'Name')}
        {field('category', 'Category')}
        {field('owner', 'Owner')}
        {field('contractStart', 'Contract start', 'date')}
        {field('contractEnd', 'Contract end', 'date')}
        {field('renewalDate', 'Renewal date', 'date')}
        <NumberInput
          label="Notice period (days)"
          min={0}
          max={3650}
          allowDecimal={false}
          value={draft.noticeDays}
          onChange={(v) => setDraft((d) => ({ ...d, noticeDays: typeof v === 'number' ? v : '' }))}
          data-testid="vendor-field-noticeDays"
        />
        {field('annualValue', 'Annual value')}
        {field('currency', 'Currency')}
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <Textarea
          label="Data held"
          autosize
          minRows={1}
          value={draft.dataHeld}
          onChange={(e) => {
            const value = e.currentTarget.value
            setDraft((d) => ({ ...d, dataHeld: value }))
          }}
          data-testid="vendor-field-dataHeld"
        />
        <Textarea
          label="Exit plan"
          autosize
          minRows={1}
          value={draft.exitPlan}
          onChange={(e) => {
            const value = e.currentTarget.value
            setDraft((d) => ({ ...d, exitPlan: value }))
          }}
          data-testid="vendor-field-exitPlan"
        />
      </SimpleGrid>
      <Group gap="sm">
        <Button
          onClick={() => void submit()}
          loading={busy}
          disabled={draft.name.trim() === ''}
          data-testid="vendor-save"
        >
          {entry ? 'Save vendor' : 'Add vendor'}
        </Button>
        <Button variant="default" onClick={onDone} data-testid="vendor-cancel">
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
