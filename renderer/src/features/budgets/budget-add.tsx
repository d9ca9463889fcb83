/** Adds a budget for the month shown: dimension, value, currency, amount and thresholds. */
import { Button, Group, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useAppStore } from '../../state/store-context'
import { parseAmountText, parseThresholdsText } from './thresholds-text'

/** The add form; the dimension defaults to tag:team, the thresholds to 50;80;100. */
export function BudgetAdd({ period }: { period: string }) {
  const save = useAppStore((s) => s.saveBudget)
  const busy = useAppStore((s) => s.budgets.edit.status === 'running')
  const [dimension, setDimension] = useState('tag:team')
  const [value, setValue] = useState('')
  const [currency, setCurrency] = useState('USD')
  const [amount, setAmount] = useState('')
  const [thresholds, setThresholds] = useState('50;80;100')
  const parsedAmount = parseAmountText(amount)
  const parsedThresholds = parseThresholdsText(thresholds)
  const code = currency.trim().toUpperCase()
  const ready =
    dimension.trim() !== '' &&
    value.trim() !== '' &&
    /^[A-Z0-9]{3,10}$/.test(code) &&
    parsedAmount !== null &&
    parsedThresholds !== null
  const submit = async (): Promise<void> => {
    if (!ready || !parsedAmount || !parsedThresholds) return
    const saved = await save({
      period,
      dimension: dimension.trim(),
      value: value.trim(),
      currency: code,
      amount: parsedAmount,
      thresholds: parsedThresholds,
    })
    if (saved) {
      setValue('')
      setAmount('')
    }
  }
  return (
    <Group align="flex-end" gap="sm" data-testid="budget-add">
      <TextInput
        label="Dimension"
        description="A column or tag:<key>"
        value={dimension}
        onChange={(e) => setDimension(e.currentTarget.value)}
        w={170}
        data-testid="budget-add-dimension"
      />
      <TextInput
        label="Value"
        placeholder="e.g. ml-platform"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        w={190}
        data-testid="budget-add-value"
      />
      <TextInput
        label="Currency"
        value={currency}
        onChange={(e) => setCurrency(e.currentTarget.value)}
        w={90}
        data-testid="budget-add-currency"
      />
      <TextInput
        label="Amount"
        placeholder="e.g. 1250.00"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={amount !== '' && parsedAmount === null ? 'An amount above zero' : undefined}
        w={140}
        data-testid="budget-add-amount"
      />
      <TextInput
        label="Thresholds %"
        value={thresholds}
        onChange={(e) => setThresholds(e.currentTarget.value)}
        error={parsedThresholds === null ? 'e.g. 50;80;100' : undefined}
        w={130}
        data-testid="budget-add-thresholds"
      />
      <Button
        onClick={() => void submit()}
        disabled={!ready}
        loading={busy}
        data-testid="budget-add-save"
      >
        Add budget
      </Button>
    </Group>
  )
}
