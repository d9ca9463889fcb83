/** What a refusal carried: the FocalError a synchronous parse threw. */
import { FocalFailure } from '../../shared/contract'

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
