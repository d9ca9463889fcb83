/**
 * The Ledger tab's "Sign-off threshold" (issue 12): how many movers are flagged, the rule in
 * words, and the workspace's amount and percent to change it. Checked here as the engine
 * checks it (shared/ledger/sign-off.ts), so a mistake is named before anything is sent.
 */
import { Button, Group, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { LedgerWeek } from '../../../../shared/contract/ledger'
import { checkSignOff, signOffRule } from '../../../../shared/ledger/sign-off'
import { useAppStore } from '../../state/store-context'

/** The flagged count with the rule, and the threshold's inputs. */
export function SignOffThreshold({ ledger }: { ledger: LedgerWeek }) {
  const save = useAppStore((s) => s.setLedgerSignOff)
  const saving = useAppStore((s) => s.ledger.saving.status === 'running')
  const { threshold } = ledger
  const [amount, setAmount] = useState(threshold.amount ?? '')
  const [percent, setPercent] = useState(threshold.percent ?? '')
  // The stored threshold wins whenever a ledger is read again.
  useEffect(() => {
    setAmount(threshold.amount ?? '')
    setPercent(threshold.percent ?? '')
  }, [threshold.amount, threshold.percent])
  const checked = checkSignOff({ amount, percent })
  const unchanged = amount === (threshold.amount ?? '') && percent === (threshold.percent ?? '')
  const flagged = ledger.currencies.reduce(
    (n, c) => n + c.movers.filter((m) => m.needsSignOff).length,
    0,
  )
  return (
    <Group align="flex-end" gap="sm" data-testid="ledger-sign-off">
      <Text size="sm" data-testid="ledger-flagged" data-count={flagged} maw={420}>
        {flagged === 1 ? '1 mover needs' : `${flagged} movers need`} a sign-off: flagged when{' '}
        {signOffRule(threshold)}, until signed off.
      </Text>
      <TextInput
        label="Sign-off threshold: amount (its currency)"
        placeholder="off"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={!checked.ok && checked.part === 'amount' ? checked.message : undefined}
        w={230}
        data-testid="ledger-sign-off-amount"
      />
      <TextInput
        label="percent"
        placeholder="off"
        rightSection="%"
        value={percent}
        onChange={(e) => setPercent(e.currentTarget.value)}
        error={!checked.ok && checked.part !== 'amount' ? checked.message : undefined}
        w={120}
        data-testid="ledger-sign-off-percent"
      />
      <Button
        variant="default"
        disabled={!checked.ok || unchanged}
        loading={saving}
        onClick={() =>
          void save({ amount: amount.trim() || null, percent: percent.trim() || null })
        }
        data-testid="ledger-sign-off-save"
      >
        Save threshold
      </Button>
    </Group>
  )
}
