/**
 * One currency of the ledger: each mover with last week, this week, the delta and delta %,
 * its explanation and sign-off, and the rest and the total below. A mover row expands to its
 * drivers; every amount opens its rows in the Rows drawer.
 */
import { ActionIcon, Badge, Button, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core'
import { Fragment, useState } from 'react'
import type { LedgerCurrency, LedgerMover, LedgerWeek } from '../../../../shared/contract/ledger'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { ExplainDialog } from './explain-dialog'
import { ledgerRowsRequest, type LedgerFigure } from './ledger-rows'

const label = (v: string | null): string => v ?? '(none)'
const percent = (p: string | null): string => (p === null ? 'new' : `${p}%`)

/** An amount that opens the rows it sums. */
function Figure({
  value,
  currency,
  title,
  figure,
  metric,
  testId,
}: {
  value: string
  currency: string | null
  title: string
  figure: LedgerFigure
  metric: string
  testId?: string
}) {
  const openRows = useAppStore((s) => s.openRows)
  return (
    <UnstyledButton
      onClick={() => openRows(title, ledgerRowsRequest(figure, metric))}
      title={`Open the rows of ${title}`}
      data-testid={testId}
      style={{ textDecoration: 'underline dotted' }}
    >
      {currency ? <Amount value={value} currency={currency} /> : value}
    </UnstyledButton>
  )
}

/** The week's and last week's range of the ledger. */
function ranges(ledger: LedgerWeek) {
  return {
    thisWeek: { start: ledger.start, end: ledger.end },
    lastWeek: { start: ledger.lastWeek.start, end: ledger.lastWeek.end },
  }
}

function Drivers({ ledger, c, m }: { ledger: LedgerWeek; c: LedgerCurrency; m: LedgerMover }) {
  const { thisWeek } = ranges(ledger)
  return (
    <Table.Tr data-testid="ledger-drivers">
      <Table.Td />
      <Table.Td colSpan={7}>
        <Group align="flex-start" gap="xl" wrap="nowrap">
          {m.drivers.map((d) => (
            <div key={d.column} style={{ minWidth: 0, flex: 1 }}>
              <Text size="xs" fw={600} c="dimmed">
                {d.column}: largest change first
              </Text>
              {d.items.map((i) => (
                <Group key={label(i.value)} gap={6} wrap="nowrap" justify="space-between">
                  <Text size="xs" truncate="end" title={label(i.value)} maw={260}>
                    {label(i.value)}
                  </Text>
                  <Text size="xs" ff="monospace">
                    <Figure
                      value={i.delta}
                      currency={c.currency}
                      metric={ledger.metric}
                      title={`${label(m.value)} · ${d.column} ${label(i.value)}, ${ledger.week}`}
                      figure={{
                        range: thisWeek,
                        by: ledger.by,
                        currency: c.currency,
                        value: m.value,
                        driver: { column: d.column, value: i.value },
                      }}
                    />
                  </Text>
                </Group>
              ))}
            </div>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

function MoverRow({ ledger, c, m }: { ledger: LedgerWeek; c: LedgerCurrency; m: LedgerMover }) {
  const [open, setOpen] = useState(false)
  const [explaining, setExplaining] = useState(false)
  const explain = useAppStore((s) => s.explainLedgerMover)
  const signOff = useAppStore((s) => s.signOffLedgerMover)
  const saving = useAppStore((s) => s.ledger.saving.status === 'running')
  const { thisWeek, lastWeek } = ranges(ledger)
  const key = { week: ledger.week, by: ledger.by, value: m.value }
  const e = m.explanation
  const figure = (range: { start: string; end: string }): LedgerFigure => ({
    range,
    by: ledger.by,
    currency: c.currency,
    value: m.value,
  })
  return (
    <Fragment>
      <Table.Tr
        data-testid="ledger-mover"
        data-value={label(m.value)}
        data-flagged={m.needsSignOff}
      >
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={open ? 'Hide drivers' : 'Show drivers'}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            data-testid="ledger-expand"
          >
            {open ? '▾' : '▸'}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <Text size="sm" truncate="end" maw={240} title={label(m.value)}>
              {label(m.value)}
            </Text>
            {m.needsSignOff ? (
              <Badge color="orange" variant="light" size="xs" data-testid="ledger-flag">
                needs sign-off
              </Badge>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td ta="right">
          <Figure
            value={m.lastWeek}
            currency={c.currency}
            metric={ledger.metric}
            title={`${label(m.value)}, ${ledger.lastWeek.week}`}
            figure={figure(lastWeek)}
          />
        </Table.Td>
        <Table.Td ta="right">
          <Figure
            value={m.thisWeek}
            currency={c.currency}
            metric={ledger.metric}
            title={`${label(m.value)}, ${ledger.week}`}
            figure={figure(thisWeek)}
            testId="ledger-this-week"
          />
        </Table.Td>
        <Table.Td ta="right" c={m.delta.startsWith('-') ? 'teal.8' : 'red.8'}>
          {c.currency ? <Amount value={m.delta} currency={c.currency} /> : m.delta}
        </Table.Td>
        <Table.Td ta="right">{percent(m.deltaPercent)}</Table.Td>
        <Table.Td maw={300}>
          {e ? (
            <Text size="sm" data-testid="ledger-explanation">
              {e.text}{' '}
              <Text span size="xs" c="dimmed">
                ({e.owner})
              </Text>
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              not explained
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {e?.signedBy ? (
              <Text size="xs" data-testid="ledger-signed">
                {e.signedBy}, {e.signedAt?.slice(0, 16).replace('T', ' ')} UTC
              </Text>
            ) : null}
            <Group gap={6} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => setExplaining(true)}
                data-testid="ledger-explain"
              >
                {e ? 'Edit' : 'Explain'}
              </Button>
              {e && !e.signedBy ? (
                <Button
                  size="compact-xs"
                  disabled={saving}
                  onClick={() => void signOff(key)}
                  data-testid="ledger-signoff"
                >
                  Sign off
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Table.Td>
      </Table.Tr>
      {open ? <Drivers ledger={ledger} c={c} m={m} /> : null}
      {explaining ? (
        <ExplainDialog
          title={`Explain ${label(m.value)}, ${ledger.week}`}
          initial={e}
          onClose={() => setExplaining(false)}
          onSave={(text, owner) =>
            explain({ ...key, text, owner, currency: c.currency, metric: ledger.metric })
          }
        />
      ) : null}
    </Fragment>
  )
}

/** The ledger table of one currency. */
export function LedgerTable({ ledger, c }: { ledger: LedgerWeek; c: LedgerCurrency }) {
  const { thisWeek, lastWeek } = ranges(ledger)
  const total = (range: { start: string; end: string }): LedgerFigure => ({
    range,
    by: ledger.by,
    currency: c.currency,
  })
  return (
    <Table striped highlightOnHover data-testid="ledger-table" data-currency={c.currency ?? ''}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={32} />
          <Table.Th>{ledger.by}</Table.Th>
          <Table.Th ta="right">Last week</Table.Th>
          <Table.Th ta="right">This week</Table.Th>
          <Table.Th ta="right">Delta</Table.Th>
          <Table.Th ta="right">Delta %</Table.Th>
          <Table.Th>Explanation</Table.Th>
          <Table.Th>Signed off</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {c.movers.map((m) => (
          <MoverRow key={label(m.value)} ledger={ledger} c={c} m={m} />
        ))}
        {c.rest.values > 0 ? (
          <Table.Tr>
            <Table.Td />
            <Table.Td c="dimmed">{c.rest.values} other values</Table.Td>
            <Table.Td ta="right">
              {c.currency ? (
                <Amount value={c.rest.lastWeek} currency={c.currency} />
              ) : (
                c.rest.lastWeek
              )}
            </Table.Td>
            <Table.Td ta="right">
              {c.currency ? (
                <Amount value={c.rest.thisWeek} currency={c.currency} />
              ) : (
                c.rest.thisWeek
              )}
            </Table.Td>
            <Table.Td ta="right">
              {c.currency ? <Amount value={c.rest.delta} currency={c.currency} /> : c.rest.delta}
            </Table.Td>
            <Table.Td ta="right">{percent(c.rest.deltaPercent)}</Table.Td>
            <Table.Td colSpan={2} />
          </Table.Tr>
        ) : null}
        <Table.Tr fw={700} data-testid="ledger-total">
          <Table.Td />
          <Table.Td>Total</Table.Td>
          <Table.Td ta="right">
            <Figure
              value={c.lastWeek}
              currency={c.currency}
              metric={ledger.metric}
              title={`Total, ${ledger.lastWeek.week}`}
              figure={total(lastWeek)}
            />
          </Table.Td>
          <Table.Td ta="right">
            <Figure
              value={c.thisWeek}
              currency={c.currency}
              metric={ledger.metric}
              title={`Total, ${ledger.week}`}
              figure={total(thisWeek)}
              testId="ledger-total-this-week"
            />
          </Table.Td>
          <Table.Td ta="right">
            {c.currency ? <Amount value={c.delta} currency={c.currency} /> : c.delta}
          </Table.Td>
          <Table.Td ta="right">{percent(c.deltaPercent)}</Table.Td>
          <Table.Td colSpan={2} />
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}
