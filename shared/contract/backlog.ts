/** The cost-debt backlog (electron/core/backlog): items, candidates from the data, realized savings. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const BACKLOG_CHANNELS = {} as const
