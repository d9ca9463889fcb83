/**
 * What Focal checked and changed in an import: the FOCUS rules run on its rows with their
 * failures, the codes of the fixes it applied (issue 8: fixes are flagged, never hidden) and the
 * provider columns it kept outside FOCUS.
 */
import { Badge, Spoiler, Table, Text } from '@mantine/core'
import type { ImportRecord } from '../../../../shared/contract'
import { rulesShown } from './import-details-model'
import { storedRows } from './import-status'

const count = (rows: number): string => rows.toLocaleString('en-US')
/**
 * The figure columns keep their width beside a long rule message: a width, since a table cell
 * ignores min-width, and a badge's label would otherwise be cut ("PAS…").
 */
const FIGURE = { whiteSpace: 'nowrap', width: 90 } as const

/** Every rule checked, failed or passed; a failure with its row count, first source row and why. */
export function RulesChecked({ record }: { record: ImportRecord }) {
  const rules = rulesShown(record)
  if (rules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {storedRows(record)
          ? 'No FOCUS rule applied: the file has none of the columns the rules read.'
          : 'No rules were checked: nothing was stored from this file.'}
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} withTableBorder data-testid="details-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th style={FIGURE}>Severity</Table.Th>
            <Table.Th style={FIGURE}>Result</Table.Th>
            <Table.Th ta="right" style={FIGURE}>
              Rows failing
            </Table.Th>
            <Table.Th ta="right" style={FIGURE}>
              First row
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map(({ rule, section, severity, failure: issue }) => {
            return (
              <Table.Tr key={rule} data-testid="details-rule" data-rule={rule}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {rule}
                  </Text>
                  {section ? (
                    <Text size="xs" c="dimmed">
                      {section}
                    </Text>
                  ) : null}
                  {issue ? (
                    <Text size="xs" c="dimmed">
                      {issue.message}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={FIGURE} fz="sm" data-testid="rule-severity">
                  {severity ?? '—'}
                </Table.Td>
                <Table.Td style={FIGURE} data-testid="rule-result">
                  <Badge
                    size="sm"
                    variant="light"
                    color={issue ? (severity === 'warning' ? 'yellow' : 'red') : 'green'}
                  >
                    {issue ? 'fails' : 'passes'}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" className="amount" data-testid="rule-rows">
                  {count(issue?.rows ?? 0)}
                </Table.Td>
                <Table.Td ta="right" className="amount" data-testid="rule-first-row">
                  {issue?.firstRow ? count(issue.firstRow) : '—'}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The fix codes applied, each with the number of rows it was applied to. */
export function FixesApplied({ record }: { record: ImportRecord }) {
  if (record.fixes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {storedRows(record)
          ? 'No value was changed or derived: the rows are stored as the file has them.'
          : 'Nothing was stored from this file.'}
      </Text>
    )
  }
  return (
    <Table verticalSpacing={4} withTableBorder data-testid="details-fixes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Fix code</Table.Th>
          <Table.Th ta="right">Rows</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.fixes.map((fix) => (
          <Table.Tr key={fix.code} data-testid="details-fix" data-code={fix.code}>
            <Table.Td ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
              {fix.code}
            </Table.Td>
            <Table.Td ta="right" className="amount" data-testid="fix-rows">
              {count(fix.rows)} of {count(record.rowCount)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Source columns that are not FOCUS 1.4 columns, and the x_ column (or x_Extra key) keeping each. */
export function ColumnsKept({ record }: { record: ImportRecord }) {
  if (record.extraColumns.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {storedRows(record)
          ? 'Every column of the file is a FOCUS column.'
          : 'Nothing was stored from this file.'}
      </Text>
    )
  }
  const table = (
    <Table verticalSpacing={4} withTableBorder data-testid="details-columns">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Kept as</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.extraColumns.map((column) => (
          <Table.Tr key={column.source} data-testid="details-column">
            <Table.Td ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
              {column.source}
            </Table.Td>
            <Table.Td fz="sm" style={{ wordBreak: 'break-all' }}>
              <Text span ff="monospace" inherit>
                {column.target}
              </Text>
              {column.note ? (
                <Text size="xs" c="dimmed">
                  {column.note}
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
  // A native export keeps dozens of provider columns: show the first few, the rest on request.
  if (record.extraColumns.length <= 12) return table
  return (
    <Spoiler
      maxHeight={400}
      showLabel={`Show all ${record.extraColumns.length} columns`}
      hideLabel="Show fewer"
    >
      {table}
    </Spoiler>
  )
}
