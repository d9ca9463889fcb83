/** Refusals in tests: the FocalError a parse threw, and whether the contract refuses a request. */
import { FocalFailure, validateRequest } from '../../shared/contract'

/** The error `fn` refused with; anything else thrown is rethrown, and no refusal fails the test. */
export function errorOf(fn: () => unknown): FocalFailure['error'] {
  try {
    fn()
  } catch (cause) {
    if (cause instanceof FocalFailure) return cause.error
    throw cause
  }
  throw new Error('expected a FocalFailure')
}

/** Whether the contract refuses `body` on `channel` as BAD_REQUEST before any handler could see it. */
export function refused(channel: string, body: unknown): boolean {
  try {
    validateRequest(channel, body)
    return false
  } catch (cause) {
    return cause instanceof FocalFailure && cause.error.code === 'BAD_REQUEST'
  }
}
