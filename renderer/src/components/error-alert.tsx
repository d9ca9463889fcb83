/** Shows a FocalError the way a person can act on it: what happened, what to do, where. */
import { Alert, Text } from '@mantine/core'
import { ERROR_ADVICE, type ErrorLocation, type FocalError } from '../../../shared/contract'

/** "costs.csv, row 12 (line 13), column BilledCost, value "abc"", or null when there is no location. */
export function describeLocation(location: ErrorLocation | undefined): string | null {
  if (!location) return null
  const parts = [
    location.file,
    location.part ?? null,
    location.row != null
      ? `row ${location.row}${location.line != null ? ` (line ${location.line})` : ''}`
      : null,
    location.column != null ? `column ${location.column}` : null,
    location.value != null ? `value ${JSON.stringify(location.value)}` : null,
  ].filter((part): part is string => Boolean(part))
  return parts.length ? parts.join(', ') : null
}

/** The advice for an error: its own hint, else the sentence for its code. */
export function adviceFor(error: FocalError): string {
  return error.hint ?? ERROR_ADVICE[error.code]
}

/** An error box; `title` defaults to the error's message. */
export function ErrorAlert({ error, title }: { error: FocalError; title?: string }) {
  const where = describeLocation(error.location)
  return (
    <Alert color="red" variant="light" title={title ?? error.message} data-testid="error-alert">
      {title ? <Text size="sm">{error.message}</Text> : null}
      <Text size="sm">{adviceFor(error)}</Text>
      {where ? (
        <Text size="xs" c="dimmed" mt={4}>
          Where: {where}
        </Text>
      ) : null}
    </Alert>
  )
}
