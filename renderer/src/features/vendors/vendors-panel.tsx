/**
 * The Vendors tab of the Savings screen (issue 13, Vendor register): the renewals due and
 * overlaps on top, the vendors and contracts entered by hand with an edit form, then the
 * vendors the data names with their cost per billing period, each figure opening its rows.
 */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { VendorEntry } from '../../../../shared/contract/vendors'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { VendorCosts } from './vendor-costs'
import { VendorAlerts, VendorEntries } from './vendor-entries'
import { VendorForm } from './vendor-form'

/** The Vendors tab. */
export function VendorsPanel() {
  const state = useAppStore((s) => s.vendors)
  const load = useAppStore((s) => s.loadVendors)
  // null: no form; 'new': adding; an entry: editing it.
  const [editing, setEditing] = useState<VendorEntry | 'new' | null>(null)
  useEffect(() => void load(), [load])
  const register = state.register
  const busy = state.task.status === 'running' || state.edit.status === 'running'
  return (
    <Stack gap="md" data-testid="vendors-panel" aria-busy={busy}>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label="Renewals as of"
          value={state.asOf ?? ''}
          onChange={(e) => e.currentTarget.value && void load(e.currentTarget.value)}
          w={170}
          data-testid="vendor-as-of"
        />
        {editing === null ? (
          <Button variant="default" onClick={() => setEditing('new')} data-testid="vendor-add">
            Add vendor or contract
          </Button>
        ) : null}
      </Group>
      {state.task.error ? (
        <ErrorAlert error={state.task.error} title="The vendor register did not load" />
      ) : null}
      {state.edit.error ? (
        <ErrorAlert error={state.edit.error} title="The vendor register was not changed" />
      ) : null}
      {editing !== null ? (
        <VendorForm
          key={editing === 'new' ? 'new' : editing.id}
          entry={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {register ? (
        <>
          <VendorAlerts register={register} />
          <Title order={4}>Vendors and contracts</Title>
          <VendorEntries register={register} onEdit={setEditing} />
          <Title order={4}>Vendors in the data</Title>
          <Text size="xs" c="dimmed">
            Cost per billing period and currency of the rows naming each vendor as service provider,
            publisher or invoice issuer. A row counts under each role it names a vendor in, so the
            roles are never added together. Click a figure for its rows.
          </Text>
          <VendorCosts register={register} />
        </>
      ) : null}
    </Stack>
  )
}
