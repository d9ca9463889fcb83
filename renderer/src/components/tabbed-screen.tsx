/**
 * A screen of tabs, each a feature of its own folder (Weekly review, Savings): the title and
 * what it is for, and the tabs (data-testid `tab-<value>`). Only the open tab is mounted.
 */
import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useAppStore } from '../state/store-context'
import { NeedWorkspace } from './need-workspace'

/** One tab: its value (the test id's suffix), label and panel. */
export interface ScreenTab {
  readonly value: string
  readonly label: string
  readonly panel: ReactNode
}

/** The tabbed screen; `need` finishes "Open a workspace to …" when none is open. */
export function TabbedScreen({
  title,
  description,
  need,
  tabs,
}: {
  title: string
  description: string
  need: string
  tabs: readonly ScreenTab[]
}) {
  const workspace = useAppStore((s) => s.workspace)
  const [tab, setTab] = useState<string | null>(tabs[0]?.value ?? null)
  if (!workspace) return <NeedWorkspace what={need} />
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" maw={860}>
          {description}
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
