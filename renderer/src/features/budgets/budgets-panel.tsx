/**
 * The Budgets tab of the Weekly review screen: a month, its alerts on top, then its budgets
 * with actual to date (opening its rows), % used, forecast with its range, the thresholds
 * crossed with their days and the day 100% is or is forecast to be reached; add, edit inline,
 * delete, import and export a budgets CSV.
 */
import { Button, FileButton, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadBlob } from '../mapping/download'
import { useEditLock } from '../presentation/edit-lock'
import { usePresenting } from '../presentation/presentation-boundary'
import { BudgetAdd } from './budget-add'
import { BudgetAlerts } from './budget-alerts'
import { BudgetRow } from './budget-row'

/** The Budgets tab. */
export function BudgetsPanel() {
  const state = useAppStore((s) => s.budgets)
  const load = useAppStore((s) => s.loadBudgets)
  const upload = useAppStore((s) => s.importBudgets)
  const exportCsv = useAppStore((s) => s.exportBudgets)
  const [by, setBy] = useState('tag:team')
  // Budgets are kept under real values; the screen holds aliases (budget-store.ts refuses).
  const presenting = usePresenting()
  const lock = useEditLock()
  useEffect(() => void load(), [load])
  const report = state.report
  const busy = state.task.status === 'running' || state.edit.status === 'running'
  const download = async (): Promise<void> => {
    const file = await exportCsv()
    if (file) downloadBlob(file.fileName, new Blob([file.text], { type: 'text/csv' }))
  }
  return (
    <Stack gap="md" data-testid="budgets-panel" aria-busy={busy}>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="month"
          label="Month"
          value={state.period ?? ''}
          onChange={(e) => e.currentTarget.value && void load(e.currentTarget.value)}
          w={170}
          data-testid="budget-period"
        />
        <TextInput
          label="Import by"
          description="Dimension of rows without one"
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
          w={180}
        />
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) => file && void upload(file, by.trim() || undefined)}
          disabled={presenting}
        >
          {(props) => (
            <Button variant="default" data-testid="budget-import" {...props} {...lock()}>
              Import budgets (CSV)
            </Button>
          )}
        </FileButton>
        <Button variant="default" onClick={() => void download()} data-testid="budget-export">
          Export CSV
        </Button>
      </Group>
      {state.task.error ? (
        <ErrorAlert error={state.task.error} title="The budgets did not load" />
      ) : null}
      {state.edit.error ? (
        <ErrorAlert error={state.edit.error} title="The budgets were not changed" />
      ) : null}
      {state.lastImport && state.edit.status === 'done' ? (
        <Text size="sm" data-testid="budget-import-result">
          {`${state.lastImport.fileName}: ${state.lastImport.added} added, ${state.lastImport.replaced} replaced.`}
        </Text>
      ) : null}
      {report ? (
        <>
          <BudgetAlerts alerts={report.alerts} />
          <Text size="xs" c="dimmed" data-testid="budget-method">
            {`As of ${report.asOf ?? 'no data'}; actual is ${report.metric} charged in ${report.period}. ${report.method}`}
          </Text>
          {report.budgets.length === 0 ? (
            <Text c="dimmed" data-testid="budgets-empty">
              {`No budgets for ${report.period}. Add one below or import a CSV (period, dimension, value, currency, amount, thresholds).`}
            </Text>
          ) : (
            <Table striped highlightOnHover data-testid="budgets-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Budget</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Actual</Table.Th>
                  <Table.Th>Used</Table.Th>
                  <Table.Th ta="right">Forecast (range)</Table.Th>
                  <Table.Th>Thresholds</Table.Th>
                  <Table.Th>100% on</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.budgets.map((b) => (
                  <BudgetRow
                    key={`${b.dimension}|${b.value}|${b.currency}|${b.amount}|${b.thresholds.join(';')}`}
                    budget={b}
                    asOf={report.asOf}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
          {presenting ? (
            <Text size="sm" c="dimmed" mt="sm" data-testid="budgets-presenting">
              Budgets show the same aliases as every other screen while presentation mode is on.
              Turn presentation mode off to add, edit, delete or import budgets.
            </Text>
          ) : (
            <>
              <Text size="sm" fw={600} mt="sm">
                {`Add a budget for ${report.period}`}
              </Text>
              <BudgetAdd period={report.period} />
            </>
          )}
        </>
      ) : null}
    </Stack>
  )
}
