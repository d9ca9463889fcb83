/**
 * Marks the imports that are parts of one AWS CUR delivery (cur-delivery.ts).
 * Such a part is settled with the delivery's other parts, as one delivery, not
 * on its own: settleDelivery hands it to `settle`, and the SHA-256 check lets
 * it repeat an earlier delivery's part byte for byte (the delivery as a whole
 * was checked for being already imported before any part was read).
 */
import { AsyncLocalStorage } from 'node:async_hooks'

/** What a part of a delivery does in place of the single-file rules. */
export interface DeliveryPartContext {
  /** Records the part's scopes; the delivery is settled once every part is in. */
  settle(importId: number): Promise<void>
}

const context = new AsyncLocalStorage<DeliveryPartContext>()

/** Runs `work` (the imports of one delivery's parts) with `part` as their context. */
export function asDeliveryParts<T>(part: DeliveryPartContext, work: () => Promise<T>): Promise<T> {
  return context.run(part, work)
}

/** The delivery the running import is a part of, or undefined for any other import. */
export function deliveryPart(): DeliveryPartContext | undefined {
  return context.getStore()
}
