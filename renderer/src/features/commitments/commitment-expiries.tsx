/**
 * The contract commitments ending within 30, 60 or 90 days of the "as of" day, and on request
 * every contract commitment with its term (FOCUS Contract Commitment dataset).
 */
import { Button, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { CommitmentRates, CommitmentTerm } from '../../../../shared/contract'
import { shortId } from './commitment-table'
import { Money } from './figure-button'

const COLORS = { 30: 'red.8', 60: 'orange.8', 90: 'yellow.9' } as const
const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The expiry list, or why there is none; every term behind a button. */
export function CommitmentExpiries({ rates }: { rates: CommitmentRates }) {
  const [all, setAll] = useState(false)
  const expiring = rates.terms.filter((t) => t.expiresWithin !== null)
  return (
    <Stack gap="xs" data-testid="commitment-expiries">
      <Title order={4}>Ending within 90 days of {rates.asOf}</Title>
      {!rates.contractsImported ? (
        <Text c="dimmed" size="sm">
          No Contract Commitment dataset is imported: terms, start and end dates are not known.
          Import the provider&apos;s FOCUS Contract Commitment file to see them.
        </Text>
      ) : (
        <>
          {expiring.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="commitment-expiries-none">
              None of the {rates.terms.length} contract commitments ends within 90 days.
            </Text>
          ) : (
            <TermsTable terms={expiring} testId="commitment-expiry" />
          )}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => setAll(!all)}
            data-testid="commitment-terms-toggle"
          >
            {all ? 'Hide' : 'Show'} all {rates.terms.length} contract commitments
          </Button>
          {all ? <TermsTable terms={rates.terms} testId="commitment-term" /> : null}
        </>
      )}
    </Stack>
  )
}

/** Contract commitments with their term, end and window, soonest end first. */
function TermsTable({ terms, testId }: { terms: readonly CommitmentTerm[]; testId: string }) {
  return (
    <Table data-testid={`${testId}-table`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>ContractCommitmentId</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Category</Table.Th>
          <Table.Th>Term</Table.Th>
          <Table.Th>Start</Table.Th>
          <Table.Th>End</Table.Th>
          <Table.Th>Within</Table.Th>
          <Table.Th ta="right">Days left</Table.Th>
          <Table.Th ta="right">ContractCommitmentCost</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {terms.map((t) => (
          <Table.Tr key={t.id} data-testid={testId}>
            <Table.Td title={t.id} style={{ overflowWrap: 'anywhere' }}>
              {shortId(t.id)}
            </Table.Td>
            <Table.Td>{t.type ?? '—'}</Table.Td>
            <Table.Td>{t.category ?? '—'}</Table.Td>
            <Table.Td style={NOWRAP}>{t.term ?? '—'}</Table.Td>
            <Table.Td style={NOWRAP}>{t.start?.slice(0, 10) ?? '—'}</Table.Td>
            <Table.Td style={NOWRAP}>{t.end?.slice(0, 10) ?? '—'}</Table.Td>
            <Table.Td>
              {t.expiresWithin === null ? (
                t.daysLeft !== null && t.daysLeft < 0 ? (
                  'ended'
                ) : (
                  '—'
                )
              ) : (
                <Text span size="sm" fw={600} c={COLORS[t.expiresWithin]} style={NOWRAP}>
                  ≤ {t.expiresWithin} days
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{t.daysLeft ?? '—'}</Table.Td>
            <Table.Td ta="right">
              {t.cost === null ? '—' : <Money value={t.cost} currency={t.currency} />}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
