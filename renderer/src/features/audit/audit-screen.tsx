/**
 * Audit trail (issue 11): every change to the workspace as an entry of a hash chain, verified
 * on opening; filtered by UTC day, action and words; an entry's details, and an import's rows;
 * the filtered log exported as CSV or PDF (the PDF opens with the verification).
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { NeedWorkspace } from '../../components/need-workspace'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from '../explore/grid-export'
import { RowsDrawer } from '../explore/rows-drawer'
import { AuditEntries } from './audit-entries'
import { AuditFilters } from './audit-filters'
import { ExplainDrawer } from './explain-drawer'
import { VerificationCard } from './verification-card'

/** The audit trail screen. */
export function AuditScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const audit = useAppStore((s) => s.audit)
  const load = useAppStore((s) => s.loadAudit)
  const verify = useAppStore((s) => s.verifyAudit)
  const exportAudit = useAppStore((s) => s.exportAudit)
  const stale = audit.version !== dataVersion

  useEffect(() => {
    if (!workspace || !stale || audit.task.status === 'running') return
    void load()
    void verify()
  }, [workspace, stale, audit.task.status, load, verify])

  if (!workspace) return <NeedWorkspace what="see its audit trail" />
  const download = async (format: 'csv' | 'pdf'): Promise<void> => {
    const file = await exportAudit(format)
    if (file) downloadExport(file)
  }
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Audit trail</Title>
        <Text c="dimmed" maw={860}>
          Every change to this workspace is an entry: imports with their files&apos; SHA-256 and
          totals, supersessions, mappings, rules, exchange rates, closes, report runs and their
          files&apos; hashes, settings. Each names the operating-system user and the UTC time and
          carries the hash of the entry before it, so an edit, a deletion or a reordering made
          outside Focal breaks the chain at that entry. <code>focal audit verify</code> runs the
          same check.
        </Text>
      </div>
      <VerificationCard />
      <Paper p="sm">
        <Stack gap="sm">
          <Group justify="space-between" align="end">
            <AuditFilters />
            <Group gap="xs">
              <Button
                variant="default"
                loading={audit.exportTask.status === 'running'}
                onClick={() => void download('csv')}
                data-testid="audit-export-csv"
              >
                Export CSV
              </Button>
              <Button
                variant="default"
                loading={audit.exportTask.status === 'running'}
                onClick={() => void download('pdf')}
                data-testid="audit-export-pdf"
              >
                Export PDF
              </Button>
            </Group>
          </Group>
          {audit.task.error ? <ErrorAlert error={audit.task.error} /> : null}
          {audit.exportTask.error ? (
            <ErrorAlert error={audit.exportTask.error} title="The export failed" />
          ) : null}
          <AuditEntries />
        </Stack>
      </Paper>
      <ExplainDrawer />
      <RowsDrawer />
    </Stack>
  )
}
