/** Savings, where the money can go down: commitments, tag compliance, unit costs, the cost-debt backlog and the vendor register. One tab per part, each in its own feature folder. */
import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { NeedWorkspace } from '../../components/need-workspace'
import { useAppStore } from '../../state/store-context'
import { RowsDrawer } from '../explore/rows-drawer'
import { UnmaskedGuard } from '../presentation/unmasked-guard'
import { CommitmentsPanel } from '../commitments/commitments-panel'
import { CompliancePanel } from '../compliance/compliance-panel'
import { UnitCostsPanel } from '../unit-costs/unit-costs-panel'
import { BacklogPanel } from '../backlog/backlog-panel'
import { VendorsPanel } from '../vendors/vendors-panel'

/** The Savings screen. */
export function SavingsScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const [tab, setTab] = useState<string | null>('commitments')
  if (!workspace) return <NeedWorkspace what="look for savings" />
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Savings</Title>
        <Text c="dimmed" maw={860}>
          Where the money can go down: commitments, tag compliance, unit costs, the cost-debt
          backlog and the vendor register.
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="commitments" data-testid="tab-commitments">
            Commitments
          </Tabs.Tab>
          <Tabs.Tab value="compliance" data-testid="tab-compliance">
            Tag compliance
          </Tabs.Tab>
          <Tabs.Tab value="unit-costs" data-testid="tab-unit-costs">
            Unit costs
          </Tabs.Tab>
          <Tabs.Tab value="backlog" data-testid="tab-backlog">
            Backlog
          </Tabs.Tab>
          <Tabs.Tab value="vendors" data-testid="tab-vendors">
            Vendors
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="commitments" pt="md">
          <CommitmentsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="compliance" pt="md">
          <CompliancePanel />
        </Tabs.Panel>
        <Tabs.Panel value="unit-costs" pt="md">
          <UnmaskedGuard what="Unit costs">
            <UnitCostsPanel />
          </UnmaskedGuard>
        </Tabs.Panel>
        <Tabs.Panel value="backlog" pt="md">
          <BacklogPanel />
        </Tabs.Panel>
        <Tabs.Panel value="vendors" pt="md">
          <VendorsPanel />
        </Tabs.Panel>
      </Tabs>
      {/* A figure's rows, opened by any tab through the rows slice's openRows. */}
      <RowsDrawer />
    </Stack>
  )
}
