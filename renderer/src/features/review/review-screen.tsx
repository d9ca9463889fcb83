/** Weekly review, the Monday review: the cost ledger of the week with its movers, budgets and their alerts, and anomalies to explain. One tab per part, each in its own feature folder. */
import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { NeedWorkspace } from '../../components/need-workspace'
import { useAppStore } from '../../state/store-context'
import { RowsDrawer } from '../explore/rows-drawer'
import { UnmaskedGuard } from '../presentation/unmasked-guard'
import { LedgerPanel } from '../ledger/ledger-panel'
import { BudgetsPanel } from '../budgets/budgets-panel'
import { AnomaliesPanel } from '../anomalies/anomalies-panel'

/** The Weekly review screen. */
export function ReviewScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const [tab, setTab] = useState<string | null>('ledger')
  if (!workspace) return <NeedWorkspace what="review its week" />
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Weekly review</Title>
        <Text c="dimmed" maw={860}>
          The Monday review: the cost ledger of the week with its movers, budgets and their alerts,
          and anomalies to explain.
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="ledger" data-testid="tab-ledger">
            Ledger
          </Tabs.Tab>
          <Tabs.Tab value="budgets" data-testid="tab-budgets">
            Budgets
          </Tabs.Tab>
          <Tabs.Tab value="anomalies" data-testid="tab-anomalies">
            Anomalies
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ledger" pt="md">
          <LedgerPanel />
        </Tabs.Panel>
        <Tabs.Panel value="budgets" pt="md">
          <UnmaskedGuard what="Budgets">
            <BudgetsPanel />
          </UnmaskedGuard>
        </Tabs.Panel>
        <Tabs.Panel value="anomalies" pt="md">
          <UnmaskedGuard what="Anomalies">
            <AnomaliesPanel />
          </UnmaskedGuard>
        </Tabs.Panel>
      </Tabs>
      {/* A figure's rows, opened by any tab through the rows slice's openRows. */}
      <RowsDrawer />
    </Stack>
  )
}
