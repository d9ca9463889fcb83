/**
 * The tag policy editor: required keys, each with any value, a list of allowed values or a
 * pattern; the scope (services, accounts; empty is everything); the owner tag. "Measure"
 * shows the figures of the edited policy without saving it; "Save" stores a new version
 * (audited); a policy travels as a JSON file both ways.
 */
import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { policyJson } from '../../../../shared/compliance/policy-file'
import type { CompliancePolicy, RequiredTag } from '../../../../shared/compliance/policy'
import { useAppStore } from '../../state/store-context'
import { downloadBlob } from '../mapping/download'
import { useEditLock } from '../presentation/edit-lock'

type Rule = 'any' | 'values' | 'pattern'

const ruleOf = (k: RequiredTag): Rule =>
  k.values ? 'values' : k.pattern !== undefined ? 'pattern' : 'any'

/** Edits `policy` (the one measured now); remount it with a new key to start over. */
export function PolicyEditor({ policy }: { policy: CompliancePolicy }) {
  const [form, setForm] = useState<CompliancePolicy>(policy)
  const compliance = useAppStore((s) => s.compliance)
  const measure = useAppStore((s) => s.measureComplianceDraft)
  const save = useAppStore((s) => s.saveCompliancePolicy)
  const discard = useAppStore((s) => s.discardComplianceDraft)
  const importFile = useAppStore((s) => s.importCompliancePolicy)
  const lock = useEditLock()
  const setKey = (i: number, change: RequiredTag): void =>
    setForm((f) => ({ ...f, keys: f.keys.map((k, j) => (j === i ? change : k)) }))
  const version = compliance.stored?.version ?? null
  return (
    <Stack gap="xs" data-testid="policy-editor">
      <Text fw={600}>Tag policy</Text>
      <Text size="xs" c="dimmed">
        {compliance.draft
          ? 'Showing an edited policy that is not saved.'
          : version === null
            ? 'The default policy (nothing saved yet).'
            : `Saved version ${version} by ${compliance.stored?.actor ?? ''} at ${compliance.stored?.savedAt ?? ''}.`}{' '}
        A row is compliant when it carries every required key with an allowed value (compared
        exactly; a pattern must match the whole value). Keys are read through the tag aliases.
      </Text>
      {form.keys.map((k, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap" data-testid="policy-key">
          <TextInput
            aria-label={`Required key ${i + 1}`}
            value={k.key}
            w={150}
            onChange={(e) => setKey(i, { ...k, key: e.currentTarget.value })}
          />
          <Select
            aria-label={`Rule of ${k.key}`}
            w={120}
            allowDeselect={false}
            value={ruleOf(k)}
            data={[
              { value: 'any', label: 'any value' },
              { value: 'values', label: 'one of' },
              { value: 'pattern', label: 'pattern' },
            ]}
            onChange={(rule) =>
              setKey(
                i,
                rule === 'values'
                  ? { key: k.key, values: k.values ?? [] }
                  : rule === 'pattern'
                    ? { key: k.key, pattern: k.pattern ?? '.+' }
                    : { key: k.key },
              )
            }
          />
          {k.values ? (
            <TagsInput
              aria-label={`Allowed values of ${k.key}`}
              placeholder="type a value, Enter"
              value={k.values}
              style={{ flex: 1 }}
              onChange={(values) => setKey(i, { key: k.key, values })}
            />
          ) : k.pattern !== undefined ? (
            <TextInput
              aria-label={`Pattern of ${k.key}`}
              value={k.pattern}
              style={{ flex: 1 }}
              onChange={(e) => setKey(i, { key: k.key, pattern: e.currentTarget.value })}
            />
          ) : (
            <div style={{ flex: 1 }} />
          )}
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${k.key}`}
            disabled={form.keys.length === 1}
            onClick={() => setForm((f) => ({ ...f, keys: f.keys.filter((_, j) => j !== i) }))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setForm((f) => ({ ...f, keys: [...f.keys, { key: '' }] }))}
        >
          Add key
        </Button>
      </Group>
      <TagsInput
        label="Services in scope"
        description="ServiceName values; empty: every service"
        value={form.scope.services}
        onChange={(services) => setForm((f) => ({ ...f, scope: { ...f.scope, services } }))}
      />
      <TagsInput
        label="Accounts in scope"
        description="SubAccountId or SubAccountName; empty: every account"
        value={form.scope.accounts}
        onChange={(accounts) => setForm((f) => ({ ...f, scope: { ...f.scope, accounts } }))}
      />
      <TextInput
        label="Owner tag"
        description="Whose resources they are, in the breakdown and the CSV per owner"
        value={form.ownerKey}
        onChange={(e) => setForm((f) => ({ ...f, ownerKey: e.currentTarget.value }))}
      />
      <Group gap="xs">
        <Button
          size="compact-sm"
          onClick={() => void measure(form)}
          data-testid="compliance-measure"
        >
          Measure
        </Button>
        <Button
          size="compact-sm"
          variant="light"
          loading={compliance.policyTask.status === 'running'}
          onClick={() => void save(form)}
          data-testid="compliance-save"
          {...lock()}
        >
          Save as version {(version ?? 0) + 1}
        </Button>
        {compliance.draft ? (
          <Button size="compact-sm" variant="subtle" onClick={() => void discard()}>
            Discard changes
          </Button>
        ) : null}
      </Group>
      <Group gap="xs">
        <FileButton accept=".json,application/json" onChange={(f) => f && void importFile(f)}>
          {(props) => (
            <Button size="compact-sm" variant="default" {...props} {...lock()}>
              Import JSON
            </Button>
          )}
        </FileButton>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() =>
            downloadBlob(
              'tag-policy.json',
              new Blob([policyJson(form)], { type: 'application/json' }),
            )
          }
        >
          Export JSON
        </Button>
      </Group>
    </Stack>
  )
}
