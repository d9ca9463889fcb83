/** The edits of one canonical tag key: rename it, or merge it into another. */
import { ActionIcon, Button, Group, Popover, Select, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { TagEdit, TagGroup } from '../../../../shared/contract'

/** A pencil that opens a name field; saving renames the canonical key. */
export function RenameControl({
  group,
  disabled,
  onRename,
}: {
  group: TagGroup
  disabled: boolean
  onRename: (edit: TagEdit) => Promise<boolean>
}) {
  const [opened, setOpened] = useState(false)
  const [name, setName] = useState(group.canonical)
  const save = async (): Promise<void> => {
    if (await onRename({ action: 'rename', canonical: group.canonical, name })) setOpened(false)
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus withArrow>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          disabled={disabled}
          aria-label={`Rename ${group.canonical}`}
          onClick={() => {
            setName(group.canonical)
            setOpened((o) => !o)
          }}
        >
          <svg
            width={14}
            height={14}
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            aria-hidden="true"
          >
            <path d="M4 20h4L19 9l-4-4L4 16z" />
          </svg>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <Group gap="xs" align="flex-end">
            <TextInput
              label="Canonical key"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
              w={220}
            />
            <Button type="submit" disabled={disabled || name.trim() === ''}>
              Rename
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  )
}

/** A list of the other canonical keys; choosing one merges this key's aliases into it. */
export function MergeControl({
  group,
  names,
  disabled,
  onMerge,
}: {
  group: TagGroup
  names: readonly string[]
  disabled: boolean
  onMerge: (into: string) => void
}) {
  return (
    <Select
      size="xs"
      w={200}
      searchable
      placeholder="Merge into…"
      aria-label={`Merge ${group.canonical} into`}
      data={names.filter((n) => n !== group.canonical)}
      value={null}
      disabled={disabled}
      onChange={(into) => {
        if (into) onMerge(into)
      }}
    />
  )
}
