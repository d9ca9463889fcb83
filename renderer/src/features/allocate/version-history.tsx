/** The saved versions of the rules, newest first: when, who, and why (the note). */
import { Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core'
import { useAppStore } from '../../state/store-context'
import { formatUtcTime } from '../../../../shared/dates'

/** The history card content. */
export function VersionHistory() {
  const versions = useAppStore((s) => s.saved?.versions ?? [])
  return (
    <Stack gap="xs">
      <Title order={4}>Version history</Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No saved versions yet. Reports by rules use the latest saved version.
        </Text>
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2} data-testid="version-history">
          {versions.map((v, i) => (
            <Timeline.Item
              key={v.version}
              data-testid="version-item"
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    Version {v.version}
                  </Text>
                  {i === 0 ? (
                    <Badge size="xs" variant="light">
                      latest · used by reports
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              <Text size="sm">{v.note}</Text>
              <Text size="xs" c="dimmed">
                {formatUtcTime(v.createdAt)} · {v.author}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  )
}
