/** The handlers of VENDOR_CHANNELS (shared/contract/vendors.ts): the register, a save, a delete. */
import type { FocalApi } from '../../shared/contract'
import type { VENDOR_CHANNELS } from '../../shared/contract/vendors'
import { deleteVendor, saveVendor, vendorRegister } from './vendors/vendor-register'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type VendorChannel = keyof typeof VENDOR_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createVendorServices(workspace: () => Workspace): Pick<FocalApi, VendorChannel> {
  return {
    'vendors:list': async ({ asOf }) => vendorRegister(workspace(), asOf),
    'vendors:save': async ({ id, vendor }) => saveVendor(workspace(), vendor, id),
    'vendors:delete': async ({ id }) => deleteVendor(workspace(), id),
  }
}
