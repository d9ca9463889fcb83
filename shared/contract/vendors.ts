/** The vendor register (electron/core/vendors): vendors and contracts, cost per period, renewals. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const VENDOR_CHANNELS = {} as const
