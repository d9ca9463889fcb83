/**
 * The company name on every PDF cover: a workspace setting, saved when the
 * field loses focus, so it travels with the workspace to the next month.
 */
import { TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useAppStore } from '../../state/store-context'

/** Edits the company name the pack prints on its covers. */
export function CompanyNameField() {
  const workspace = useAppStore((s) => s.workspace)
  const saved = useAppStore((s) => s.companyName)
  const load = useAppStore((s) => s.loadReportSettings)
  const save = useAppStore((s) => s.saveCompanyName)
  const [draft, setDraft] = useState('')
  useEffect(() => {
    if (workspace) void load()
  }, [workspace, load])
  useEffect(() => setDraft(saved ?? ''), [saved])
  return (
    <TextInput
      label="Company name on the covers"
      description="Kept in the workspace; printed on every PDF of the pack."
      placeholder="e.g. Acme Corp"
      maxLength={120}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => {
        if ((saved ?? '') !== draft.trim()) void save(draft)
      }}
      maw={420}
      data-testid="company-name"
    />
  )
}
