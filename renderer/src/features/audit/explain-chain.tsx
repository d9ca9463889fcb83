/**
 * The parts of an explained figure's chain (explain-drawer.tsx): the rules and pools that gave
 * the cost center its cost, each opening its source rows in the Rows drawer; the first page of
 * the allocated lines; and the source files with the audit entries of their imports.
 */
import { Button, Code, Table, Text } from '@mantine/core'
import type { ExplainedFigureView } from '../../../../shared/contract/explain'
import { formatExact } from '../../../../shared/report'
import { useAppStore } from '../../state/store-context'
import { partRowsRequest } from './part-rows-request'

type Part = ExplainedFigureView['parts'][number]

const partName = (p: Part): string =>
  p.kind === 'pool' ? `pool ${p.name}` : p.kind === 'rule' ? `rule ${p.name}` : p.name

/** The rules and pools of the figure, each with "Open rows". */
export function ExplainParts({ figure }: { figure: ExplainedFigureView }) {
  const openRows = useAppStore((s) => s.openRows)
  const close = useAppStore((s) => s.closeExplain)
  const request = useAppStore((s) => s.explain.request)
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="explain-parts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule or pool</Table.Th>
          <Table.Th>How</Table.Th>
          <Table.Th ta="right">Lines</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {figure.parts.map((p) => (
          <Table.Tr
            key={`${p.rows.pool ?? ''}-${p.rows.rule ?? ''}`}
            data-testid="explain-part"
            data-part={p.id}
          >
            <Table.Td>{partName(p)}</Table.Td>
            <Table.Td c="dimmed" maw={300}>
              {p.kind === 'pool'
                ? (p.description ?? p.method ?? '')
                : p.kind === 'rule'
                  ? 'direct cost'
                  : ''}
            </Table.Td>
            <Table.Td ta="right" className="amount">
              {p.lines.toLocaleString('en-US')}
            </Table.Td>
            <Table.Td ta="right" className="amount" data-value={p.amount}>
              {formatExact(p.amount, figure.currency)}
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="light"
                data-testid="explain-open-rows"
                data-rows={p.rows.count}
                onClick={() => {
                  if (!request) return
                  close()
                  openRows(
                    `Rows of ${partName(p)}, source of ${figure.target}'s ${p.kind === 'pool' ? 'share' : p.kind === 'rule' ? 'direct cost' : 'cost'} (${figure.kind} ${figure.period}, ${p.rows.count.toLocaleString('en-US')} rows)`,
                    partRowsRequest(request, figure, p.rows),
                  )
                }}
              >
                Open rows
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The first page of the allocated lines. */
export function ExplainLines({ figure }: { figure: ExplainedFigureView }) {
  return (
    <>
      <Table verticalSpacing={2} fz="xs" striped data-testid="explain-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule or pool</Table.Th>
            <Table.Th>Source file</Table.Th>
            <Table.Th ta="right">Row</Table.Th>
            <Table.Th ta="right">Row {figure.metric}</Table.Th>
            <Table.Th ta="right">Share</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figure.lines.map((l, i) => (
            <Table.Tr key={i} data-testid="explain-line">
              <Table.Td>{l.rule ? `rule ${l.rule}` : l.pool ? `pool ${l.pool}` : ''}</Table.Td>
              <Table.Td>{l.sourceFile ?? ''}</Table.Td>
              <Table.Td ta="right" className="amount">
                {l.sourceRow ?? ''}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {l.rowAmount ?? ''}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {l.share ?? ''}
              </Table.Td>
              <Table.Td ta="right" className="amount" data-value={l.amount}>
                {l.amount}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {figure.totalLines > figure.lines.length
          ? `The first ${figure.lines.length} of ${figure.totalLines.toLocaleString('en-US')} lines; the evidence bundle holds them all.`
          : `All ${figure.totalLines} lines. Share is the line's part of its source row, for reading; the amounts are exact.`}
      </Text>
    </>
  )
}

/** The source files with their SHA-256 and the audit entry of their import. */
export function ExplainSources({ figure }: { figure: ExplainedFigureView }) {
  return (
    <Table verticalSpacing={2} fz="xs" data-testid="explain-sources">
      <Table.Tbody>
        {figure.sources.map((s) => (
          <Table.Tr key={s.importId}>
            <Table.Td>
              <b>{s.fileName}</b> (import {s.importId}, rows {s.firstRow}–{s.lastRow})
              <br />
              <Code fz="xs">SHA-256 {s.sha256}</Code>
            </Table.Td>
            <Table.Td>
              {s.auditSeq === null ? 'no import entry' : `audit entry ${s.auditSeq}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
