/**
 * Savings, where the money can go down (issue 13): commitments, tag compliance, unit costs,
 * the cost-debt backlog and the vendor register. One tab per part, each in its own feature
 * folder.
 */
import { TabbedScreen } from '../../components/tabbed-screen'
import { RowsDrawer } from '../explore/rows-drawer'
import { BacklogPanel } from '../backlog/backlog-panel'
import { CommitmentsPanel } from '../commitments/commitments-panel'
import { CompliancePanel } from '../compliance/compliance-panel'
import { PresentationBoundary } from '../presentation/presentation-boundary'
import { UnitCostsPanel } from '../unit-costs/unit-costs-panel'
import { VendorsPanel } from '../vendors/vendors-panel'

/** The Savings screen. */
export function SavingsScreen() {
  return (
    <>
      <TabbedScreen
        title="Savings"
        description="Where the money can go down: commitments, tag compliance, unit costs, the cost-debt backlog and the vendor register."
        need="look for savings"
        tabs={[
          {
            value: 'commitments',
            label: 'Commitments',
            panel: (
              <PresentationBoundary>
                <CommitmentsPanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'compliance',
            label: 'Tag compliance',
            panel: (
              <PresentationBoundary>
                <CompliancePanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'unit-costs',
            label: 'Unit costs',
            panel: (
              <PresentationBoundary>
                <UnitCostsPanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'backlog',
            label: 'Backlog',
            panel: (
              <PresentationBoundary>
                <BacklogPanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'vendors',
            label: 'Vendors',
            panel: (
              <PresentationBoundary>
                <VendorsPanel />
              </PresentationBoundary>
            ),
          },
        ]}
      />
      {/* A figure's rows, opened by any tab through the rows slice's openRows. */}
      <RowsDrawer />
    </>
  )
}
