/** The weekly cost ledger (electron/core/ledger): a week by a dimension, its movers and their explanations. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const LEDGER_CHANNELS = {} as const
