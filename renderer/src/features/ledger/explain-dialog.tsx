/** The Explain dialog of a ledger mover: the variance explanation's text and its owner. */
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { LedgerExplanation } from '../../../../shared/contract/ledger'

/** Asks for the text and owner; `onSave` resolves true when saved. */
export function ExplainDialog({
  title,
  initial,
  onSave,
  onClose,
}: {
  title: string
  initial: LedgerExplanation | null
  onSave: (text: string, owner: string) => Promise<boolean>
  onClose: () => void
}) {
  const [text, setText] = useState(initial?.text ?? '')
  const [owner, setOwner] = useState(initial?.owner ?? '')
  const [busy, setBusy] = useState(false)
  const ready = text.trim() !== '' && owner.trim() !== ''
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm" data-testid="ledger-explain-dialog">
        <Textarea
          label="Why did it change?"
          description="A changed explanation needs a new sign-off."
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="ledger-explain-text"
        />
        <TextInput
          label="Owner"
          placeholder="team or person answerable for it"
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          data-testid="ledger-explain-owner"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!ready}
            loading={busy}
            data-testid="ledger-explain-save"
            onClick={() => {
              setBusy(true)
              void onSave(text.trim(), owner.trim()).then((ok) => {
                setBusy(false)
                if (ok) onClose()
              })
            }}
          >
            Save explanation
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
