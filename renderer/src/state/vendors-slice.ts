/**
 * The Vendors tab of the Savings screen: the register as of a date (the data's vendors with
 * their cost, the vendors entered by hand, renewals due, overlaps), and the save and delete
 * that change it. Kept under one `vendors` key (CONVENTIONS.md: state stays small per slice);
 * every change reloads the register.
 */
import type { StateCreator } from 'zustand'
import type { VendorInput, VendorRegister } from '../../../shared/contract/vendors'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, runTask, type Task } from './task'
import type { AppState } from './store'

/** The vendor register state. */
export interface VendorsState {
  /** The as-of date of renewals (YYYY-MM-DD); null: today (UTC). */
  readonly asOf: string | null
  readonly register: VendorRegister | null
  readonly task: Task
  /** A save or delete. */
  readonly edit: Task
}

/** State and actions of the vendor register tab. */
export interface VendorsSlice {
  readonly vendors: VendorsState
  /** Loads the register as of `asOf` (default: the date shown, else today). */
  loadVendors(asOf?: string): Promise<void>
  /** Saves a new vendor (no id) or replaces one; true when saved. */
  saveVendor(vendor: VendorInput, id?: number): Promise<boolean>
  deleteVendor(id: number): Promise<void>
}

/** Creates the slice over a transport. */
export function createVendorsSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], VendorsSlice> {
  return (set, get) => {
    const patch = (change: Partial<VendorsState>): void =>
      set((s) => ({ vendors: { ...s.vendors, ...change } }))
    const reload = async (): Promise<void> => {
      const asOf = get().vendors.asOf
      const register = await api['vendors:list'](asOf ? { asOf } : {})
      patch({ register, asOf: register.asOf })
    }
    // An edit, then the list read again, as one task.
    const editing = (work: () => Promise<void>): Promise<boolean> =>
      runTask(
        (edit) => patch({ edit }),
        async () => {
          await work()
          await reload()
        },
      )
    return {
      vendors: { asOf: null, register: null, task: IDLE, edit: IDLE },
      loadVendors: async (asOf) => {
        patch({ task: RUNNING, ...(asOf ? { asOf } : {}) })
        try {
          await reload()
          patch({ task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      saveVendor: (vendor, id) =>
        editing(async () => {
          await api['vendors:save'](id === undefined ? { vendor } : { id, vendor })
        }),
      deleteVendor: async (id) => {
        await editing(async () => {
          await api['vendors:delete']({ id })
        })
      },
    }
  }
}
