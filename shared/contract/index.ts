/** The API contract shared by every host and the renderer. */
import type { z } from '../zod'
import { CHANNELS, isChannel, type Channel, type RequestOf } from './channels'
import { fail } from './errors'

export * from './channels'
export * from './errors'
export * from './models'
export * from './allocation'
export * from './report'
export * from './tags'
export * from './commitments'
export * from './mappings'
export * from './rows'
export * from './pivot-table'
export * from './pivot-export'
export * from './pivot-values'
export * from './views'
export * from './periods'
export * from './fx'
export * from './audit'
export * from './explain'
export * from './presentation'
export * from './sources'
export * from './carry'
export * from './encryption'
export * from './commitment-rates'
export * from './backlog'
export * from './vendors'
export * from './unit-costs'
export * from './compliance'
export * from './anomalies'
export * from './budgets'
export * from './ledger'

/** An API: one async function per channel, returning the channel's response. */
export type FocalApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<z.infer<(typeof CHANNELS)[C]['response']>>
}

/**
 * Validates an incoming message against the contract; throws a BAD_REQUEST
 * FocalFailure naming the first problem. Every host calls this before a handler.
 */
export function validateRequest<C extends Channel>(
  channel: unknown,
  request: unknown,
): { channel: C; request: RequestOf<C> } {
  if (!isChannel(channel)) fail('BAD_REQUEST', `Unknown channel ${JSON.stringify(channel)}.`)
  const parsed = CHANNELS[channel].request.safeParse(request ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail(
      'BAD_REQUEST',
      `Invalid request for ${channel}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
    )
  }
  return { channel: channel as C, request: parsed.data as RequestOf<C> }
}
