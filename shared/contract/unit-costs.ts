/** Unit economics (electron/core/unit-costs): business metrics and the cost per unit over time. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const UNIT_COST_CHANNELS = {} as const
