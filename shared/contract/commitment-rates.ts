/** Commitment utilization, coverage and savings per period (electron/core/commitments). */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const COMMITMENT_RATE_CHANNELS = {} as const
