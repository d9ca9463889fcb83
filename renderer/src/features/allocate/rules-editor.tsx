/** The rules editor card: the dimension, then its ordered rules, its shared pools, and the settings. */
import { Badge, Stack, Tabs } from '@mantine/core'
import { useAppStore } from '../../state/store-context'
import { DimensionBar } from './dimension-bar'
import { PoliciesEditor } from './policies-editor'
import { PoolsEditor } from './pools-editor'
import { RulesTable } from './rules-table'

/** The editor of the draft. */
export function RulesEditor() {
  const draft = useAppStore((s) => s.draft)
  const current = useAppStore((s) => s.allocDimension)
  if (!draft) return null
  const index = Math.max(
    0,
    draft.dimensions.findIndex((d) => d.id === current),
  )
  const dimension = draft.dimensions[index]
  if (!dimension) return null
  return (
    <Stack gap="md" data-testid="rules-editor">
      <DimensionBar />
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="rules"
            rightSection={
              <Badge size="xs" variant="light">
                {dimension.rules.length}
              </Badge>
            }
          >
            Rules
          </Tabs.Tab>
          <Tabs.Tab
            value="pools"
            rightSection={
              <Badge size="xs" variant="light">
                {dimension.pools.length}
              </Badge>
            }
          >
            Shared pools
          </Tabs.Tab>
          <Tabs.Tab value="settings">Policies and settings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="sm">
          <RulesTable dimension={dimension} index={index} />
        </Tabs.Panel>
        <Tabs.Panel value="pools" pt="sm">
          <PoolsEditor dimension={dimension} index={index} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm">
          <PoliciesEditor />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
