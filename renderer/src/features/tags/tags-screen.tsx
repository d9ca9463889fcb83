/**
 * Tags: the tag alias policy of the open workspace (issue 8). Each canonical key with the
 * original keys it reads, their rows and cost, and rows whose aliases disagree; merge,
 * split, rename and reset correct the automatic grouping.
 */
import { EmptyState, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { TagsIcon } from '../../components/icons'
import { NeedWorkspace } from '../../components/need-workspace'
import { useAppStore } from '../../state/store-context'
import { TagGroupsTable } from './tag-groups-table'

/** The tags screen. */
export function TagsScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const tags = useAppStore((s) => s.tags)
  const refresh = useAppStore((s) => s.refreshTags)
  const stale = tags.version !== dataVersion

  useEffect(() => {
    if (workspace && stale && tags.task.status !== 'running') void refresh()
  }, [workspace, stale, tags.task.status, refresh])

  if (!workspace) return <NeedWorkspace what="see its tag keys" />
  if (!tags.policy && (stale || tags.task.status === 'running')) return <Loader m="xl" />
  const groups = tags.policy?.groups ?? []
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>Tags</Title>
        <Text c="dimmed" maw={860}>
          Tag keys that differ only by case, spaces, <code>-</code> or <code>_</code>, camelCase or
          the AWS prefix <code>user:</code> are one canonical key. Explore, allocation rules and
          reports read <code>tag:&lt;key&gt;</code> from the first of its aliases a row carries; the
          imported tags stay as they are. Merge, split or rename to correct the grouping: each
          change is saved in the workspace and recorded in its audit log.
        </Text>
      </div>
      {tags.task.error ? <ErrorAlert error={tags.task.error} /> : null}
      {tags.edit.error ? (
        <ErrorAlert error={tags.edit.error} title="The change was not saved" />
      ) : null}
      <Paper p="sm">
        {groups.length === 0 ? (
          <EmptyState
            icon={<TagsIcon size={28} />}
            variant="light"
            title="No tags yet"
            description="None of the imported rows carries tags."
          />
        ) : (
          <TagGroupsTable groups={groups} />
        )}
      </Paper>
    </Stack>
  )
}
