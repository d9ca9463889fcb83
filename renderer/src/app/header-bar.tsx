/** The top bar: Focal's mark and the open workspace with its size, currencies and a close button. */
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core'
import { FocalMark } from '../components/icons'
import { PresentationToggle } from '../features/presentation/presentation-toggle'
import { workspaceTitle } from '../state/session-slice'
import { useAppStore } from '../state/store-context'

/** Header content of the app shell. */
export function HeaderBar() {
  const workspace = useAppStore((s) => s.workspace)
  const host = useAppStore((s) => s.appInfo?.host)
  const closeWorkspace = useAppStore((s) => s.closeWorkspace)
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <FocalMark />
        <Text fw={700} size="lg">
          Focal
        </Text>
        {host === 'web' ? (
          <Tooltip label="Running in the browser through Focal's local web host; nothing leaves this machine.">
            <Badge variant="light" color="gray" size="sm">
              local web
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      {workspace ? (
        <Group gap="sm" wrap="nowrap" data-testid="workspace-header">
          <Text size="sm" c="dimmed">
            Workspace
          </Text>
          <Text fw={600} data-testid="workspace-name">
            {workspaceTitle(workspace)}
          </Text>
          {workspace.scratch ? (
            <Tooltip label="A scratch copy: changes are discarded when Focal closes.">
              <Badge color="orange" variant="light" size="sm">
                scratch
              </Badge>
            </Tooltip>
          ) : null}
          {workspace.sealed ? (
            <Tooltip
              label="On disk only encrypted (.focal.enc): encrypted back when you close it, open another workspace or quit."
              multiline
              w={360}
            >
              <Badge color="teal" variant="light" size="sm" data-testid="sealed-badge">
                Sealed — decrypted in RAM only
              </Badge>
            </Tooltip>
          ) : null}
          {workspace.readOnlySnapshot ? (
            <Tooltip label={workspace.readOnlySnapshot} multiline w={360}>
              <Badge color="yellow" variant="light" size="sm" data-testid="read-only-badge">
                read-only snapshot
              </Badge>
            </Tooltip>
          ) : null}
          <PresentationToggle />
          <Badge variant="default" size="sm" className="amount">
            {workspace.rowCount.toLocaleString('en-US')} rows
          </Badge>
          {workspace.currencies.map((currency) => (
            <Badge key={currency} variant="outline" size="sm">
              {currency}
            </Badge>
          ))}
          <Button size="xs" variant="subtle" color="gray" onClick={() => void closeWorkspace()}>
            Close
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          No workspace open
        </Text>
      )}
    </Group>
  )
}
