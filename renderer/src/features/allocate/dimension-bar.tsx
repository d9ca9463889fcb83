/**
 * The allocation dimensions of the rule set (cost center, environment…):
 * which one is edited and previewed, its name, and adding or removing one.
 */
import { ActionIcon, Button, Group, SegmentedControl, TextInput, Tooltip } from '@mantine/core'
import { useAppStore } from '../../state/store-context'
import { uniqueId } from './draft-edits'

/** The dimension chooser and its name fields. */
export function DimensionBar() {
  const draft = useAppStore((s) => s.draft)
  const current = useAppStore((s) => s.allocDimension)
  const setView = useAppStore((s) => s.setAllocView)
  const editDraft = useAppStore((s) => s.editDraft)
  if (!draft) return null
  const index = Math.max(
    0,
    draft.dimensions.findIndex((d) => d.id === current),
  )
  const dimension = draft.dimensions[index]
  const add = (): void => {
    const id = uniqueId(
      'dimension',
      draft.dimensions.map((d) => d.id),
    )
    editDraft((d) => void d.dimensions.push({ id, label: 'New dimension', rules: [], pools: [] }))
    setView({ dimension: id })
  }
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        data={draft.dimensions.map((d) => ({ value: d.id, label: d.label ?? d.id }))}
        value={dimension?.id ?? ''}
        onChange={(id) => setView({ dimension: id })}
        data-testid="dimension-picker"
      />
      <Button size="xs" variant="subtle" onClick={add}>
        Add dimension
      </Button>
      {dimension ? (
        <Group gap={6} align="flex-end" ml="auto">
          <TextInput
            label="Dimension name"
            size="xs"
            w={180}
            value={dimension.label ?? ''}
            onChange={(e) => {
              const label = e.currentTarget.value
              editDraft(
                (d) =>
                  void (d.dimensions[index] && (d.dimensions[index].label = label || undefined)),
              )
            }}
          />
          <TextInput
            label="Id"
            size="xs"
            w={130}
            ff="monospace"
            value={dimension.id}
            onChange={(e) => {
              const id = e.currentTarget.value
              editDraft((d) => void (d.dimensions[index] && (d.dimensions[index].id = id)))
              setView({ dimension: id })
            }}
          />
          <Tooltip
            label={
              draft.dimensions.length > 1
                ? 'Remove this dimension'
                : 'A rule set needs one dimension'
            }
          >
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              disabled={draft.dimensions.length <= 1}
              aria-label="Remove dimension"
              onClick={() => {
                editDraft((d) => void d.dimensions.splice(index, 1))
                setView({ dimension: draft.dimensions[index === 0 ? 1 : 0]?.id ?? '' })
              }}
            >
              ×
            </ActionIcon>
          </Tooltip>
        </Group>
      ) : null}
    </Group>
  )
}
