/** The handlers of VENDOR_CHANNELS (shared/contract/vendors.ts). */
import type { FocalApi } from '../../shared/contract'
import type { VENDOR_CHANNELS } from '../../shared/contract/vendors'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type VendorChannel = keyof typeof VENDOR_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createVendorServices(_workspace: () => Workspace): Pick<FocalApi, VendorChannel> {
  return {}
}
