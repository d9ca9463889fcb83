/**
 * Weekly review, the Monday review (issue 12): the cost ledger of the week with its movers,
 * budgets and their alerts, and anomalies to explain. One tab per part, each in its own
 * feature folder.
 */
import { TabbedScreen } from '../../components/tabbed-screen'
import { RowsDrawer } from '../explore/rows-drawer'
import { AnomaliesPanel } from '../anomalies/anomalies-panel'
import { BudgetsPanel } from '../budgets/budgets-panel'
import { LedgerPanel } from '../ledger/ledger-panel'
import { PresentationBoundary } from '../presentation/presentation-boundary'

/** The Weekly review screen. */
export function ReviewScreen() {
  return (
    <>
      <TabbedScreen
        title="Weekly review"
        description="The Monday review: the cost ledger of the week with its movers, budgets and their alerts, and anomalies to explain."
        need="review its week"
        tabs={[
          {
            value: 'ledger',
            label: 'Ledger',
            panel: (
              <PresentationBoundary>
                <LedgerPanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'budgets',
            label: 'Budgets',
            panel: (
              <PresentationBoundary>
                <BudgetsPanel />
              </PresentationBoundary>
            ),
          },
          {
            value: 'anomalies',
            label: 'Anomalies',
            panel: (
              <PresentationBoundary>
                <AnomaliesPanel />
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
