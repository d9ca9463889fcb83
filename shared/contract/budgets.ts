/** Budgets per month, dimension value and currency (electron/core/budgets): their status, forecast and alerts. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const BUDGET_CHANNELS = {} as const
