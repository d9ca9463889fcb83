/**
 * The filter editor's searchable values list: one dimension's values with their row counts and
 * billed cost under the pivot's other filters (pivot:values), ticked to include or exclude.
 * Typing is debounced; the list is capped and says how many more the search matched.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { toFocalError, type FocalError, type PivotValues } from '../../../../shared/contract'
import { NONE_LABEL, parseDimension, type PivotSpec } from '../../../../shared/pivot'
import { formatAmount } from '../../../../shared/report'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** Values one answer lists at most: enough to scan, small enough to stay quick. */
const LIST_LIMIT = 500

/** Waits this long after the last key before asking, so a search does not run per key. */
const SEARCH_DELAY_MS = 250

/** The search text, settled for SEARCH_DELAY_MS. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text])
  return settled
}

const same = (a: string | null, b: string | null): boolean => a === b

/** The list for `dimension` (a column or `tag:<key>`); `selected` are the ticked values. */
export function FilterValues({
  spec,
  dimension,
  selected,
  onChange,
}: {
  spec: PivotSpec
  dimension: string
  selected: readonly (string | null)[]
  onChange: (values: (string | null)[]) => void
}) {
  const pivotValues = useAppStore((s) => s.pivotValues)
  const [search, setSearch] = useState('')
  const settled = useSettled(search)
  const [answer, setAnswer] = useState<(PivotValues & { search: string }) | null>(null)
  const [error, setError] = useState<FocalError | null>(null)
  const [loading, setLoading] = useState(true)
  useEffect(() => {
    let live = true
    setLoading(true)
    pivotValues({ spec, dimension: parseDimension(dimension), search: settled, limit: LIST_LIMIT })
      .then(
        (result) => {
          if (!live) return
          setAnswer({ ...result, search: settled })
          setError(null)
        },
        (cause: unknown) => live && setError(toFocalError(cause)),
      )
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [pivotValues, spec, dimension, settled])

  const listed = answer?.values ?? []
  const isSelected = (v: string | null): boolean => selected.some((s) => same(s, v))
  const toggle = (v: string | null, on: boolean): void =>
    onChange(on ? [...selected, v] : selected.filter((s) => !same(s, v)))
  const selectAll = (): void =>
    onChange([...selected, ...listed.map((l) => l.value).filter((v) => !isSelected(v))])
  const selectNone = (): void =>
    onChange(selected.filter((s) => !listed.some((l) => same(l.value, s))))
  // Ticked values the current search hides stay ticked; say how many, so none is forgotten.
  const hidden = selected.filter((s) => !listed.some((l) => same(l.value, s))).length

  return (
    <Stack gap="xs">
      <TextInput
        label="Search values"
        placeholder="Part of a value, any case"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        rightSection={loading ? <Loader size="xs" /> : null}
        data-testid="filter-search"
      />
      <Group gap="xs">
        <Button size="compact-xs" variant="default" onClick={selectAll} disabled={!listed.length}>
          Select all {search.trim() ? 'matches' : 'listed'}
        </Button>
        <Button size="compact-xs" variant="default" onClick={selectNone} disabled={!listed.length}>
          Select none
        </Button>
        <Text size="xs" c="dimmed" data-testid="filter-selected">
          {selected.length} selected{hidden > 0 ? ` (${hidden} not in this list)` : ''}
        </Text>
      </Group>
      {error ? <ErrorAlert error={error} title="The values could not be listed" /> : null}
      <ScrollArea.Autosize mah={280} type="auto">
        <Stack
          gap={4}
          data-testid="filter-values"
          aria-busy={loading ? 'true' : 'false'}
          data-search={answer?.search ?? ''}
        >
          {listed.map((v) => (
            <Group
              key={v.value ?? '\u0000'}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid="filter-value"
            >
              <Checkbox
                size="xs"
                label={v.value ?? NONE_LABEL}
                checked={isSelected(v.value)}
                onChange={(e) => toggle(v.value, e.currentTarget.checked)}
                styles={{ label: { wordBreak: 'break-all' } }}
              />
              <Text size="xs" c="dimmed" className="amount" style={{ whiteSpace: 'nowrap' }}>
                {v.rows.toLocaleString('en-US')} {v.rows === 1 ? 'row' : 'rows'}
                {v.costs.map((c) =>
                  c.currency ? ` · ${formatAmount(c.amount, c.currency)}` : ` · ${c.amount}`,
                )}
              </Text>
            </Group>
          ))}
          {answer && !loading && listed.length === 0 ? (
            <Text size="sm" c="dimmed">
              No value {search.trim() ? `contains "${search.trim()}"` : 'is left'} under the other
              filters.
            </Text>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
      {answer && answer.more > 0 ? (
        <Alert color="gray" variant="light" p="xs" data-testid="filter-more">
          {answer.more.toLocaleString('en-US')} more — refine the search.
        </Alert>
      ) : null}
    </Stack>
  )
}
