/** The empty state of screens that need an open workspace: says so and offers the way there. */
import { Button, EmptyState } from '@mantine/core'
import { useAppStore } from '../state/store-context'
import { WorkspaceIcon } from './icons'

/** "Open a workspace to <what>", with a button to the workspace screen. */
export function NeedWorkspace({ what }: { what: string }) {
  const navigate = useAppStore((s) => s.navigate)
  return (
    <EmptyState
      mt={80}
      icon={<WorkspaceIcon size={28} />}
      variant="light"
      title="No workspace is open"
      description={`Open a workspace, or the sample data, to ${what}.`}
    >
      <EmptyState.Actions>
        <Button onClick={() => navigate('workspace')}>Choose a workspace</Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
