/** The app shell: header, navigation between the screens, and the screen itself. */
import { Alert, AppShell, NavLink, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import {
  AllocateIcon,
  AuditIcon,
  ExploreIcon,
  ImportIcon,
  LoadedIcon,
  ReportsIcon,
  ReviewIcon,
  SavingsIcon,
  TagsIcon,
  WorkspaceIcon,
} from '../components/icons'
import { AllocateScreen } from '../features/allocate/allocate-screen'
import { ExploreScreen } from '../features/explore/explore-screen'
import { ImportScreen } from '../features/import/import-screen'
import { LoadedScreen } from '../features/loaded/loaded-screen'
import { ReportsScreen } from '../features/reports/reports-screen'
import { ReviewScreen } from '../features/review/review-screen'
import { AuditScreen } from '../features/audit/audit-screen'
import { SavingsScreen } from '../features/savings/savings-screen'
import { TagsScreen } from '../features/tags/tags-screen'
import { WorkspaceScreen } from '../features/workspace/workspace-screen'
import type { Screen } from '../state/session-slice'
import { useAppStore } from '../state/store-context'
import { HeaderBar } from './header-bar'

const NAV: readonly { screen: Screen; label: string; description: string; icon: ReactNode }[] = [
  {
    screen: 'workspace',
    label: 'Workspace',
    description: 'Open or create',
    icon: <WorkspaceIcon />,
  },
  { screen: 'import', label: 'Import', description: 'Add billing files', icon: <ImportIcon /> },
  {
    screen: 'loaded',
    label: "What's loaded",
    description: 'Periods, accounts, files',
    icon: <LoadedIcon />,
  },
  { screen: 'explore', label: 'Explore', description: 'Pivot and chart', icon: <ExploreIcon /> },
  { screen: 'tags', label: 'Tags', description: 'Keys and their aliases', icon: <TagsIcon /> },
  {
    screen: 'allocate',
    label: 'Allocate',
    description: 'Rules to cost centers',
    icon: <AllocateIcon />,
  },
  {
    screen: 'reports',
    label: 'Reports',
    description: 'Chargeback and showback',
    icon: <ReportsIcon />,
  },
  {
    screen: 'review',
    label: 'Weekly review',
    description: 'Ledger, budgets, anomalies',
    icon: <ReviewIcon />,
  },
  {
    screen: 'savings',
    label: 'Savings',
    description: 'Commitments, tags, backlog',
    icon: <SavingsIcon />,
  },
  {
    screen: 'audit',
    label: 'Audit trail',
    description: 'Every change, verified',
    icon: <AuditIcon />,
  },
]

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'workspace':
      return <WorkspaceScreen />
    case 'import':
      return <ImportScreen />
    case 'loaded':
      return <LoadedScreen />
    case 'explore':
      return <ExploreScreen />
    case 'tags':
      return <TagsScreen />
    case 'allocate':
      return <AllocateScreen />
    case 'reports':
      return <ReportsScreen />
    case 'review':
      return <ReviewScreen />
    case 'savings':
      return <SavingsScreen />
    case 'audit':
      return <AuditScreen />
  }
}

/** The whole app frame. */
export function Shell() {
  const screen = useAppStore((s) => s.screen)
  const navigate = useAppStore((s) => s.navigate)
  const version = useAppStore((s) => s.appInfo?.version)
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <HeaderBar />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component="nav" aria-label="Main">
          <Stack gap={4}>
            {NAV.map((item) => (
              // A button, not Mantine's default <a> without href: reachable with Tab, activated by
              // Enter or Space, with the theme's visible focus ring.
              <NavLink
                component="button"
                type="button"
                aria-current={item.screen === screen ? 'page' : undefined}
                key={item.screen}
                label={item.label}
                description={item.description}
                leftSection={item.icon}
                active={item.screen === screen}
                onClick={() => navigate(item.screen)}
                data-testid={`nav-${item.screen}`}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm">
            Focal {version ?? ''} · offline
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ReadOnlyNotice />
        <CurrentScreen screen={screen} />
      </AppShell.Main>
    </AppShell>
  )
}

/** Says, above every screen, that the workspace is a read-only snapshot another Focal holds. */
function ReadOnlyNotice() {
  const notice = useAppStore((s) => s.workspace?.readOnlySnapshot)
  if (!notice) return null
  return (
    <Alert color="yellow" variant="light" mb="md" title="Read-only" data-testid="read-only-notice">
      {notice}
    </Alert>
  )
}
