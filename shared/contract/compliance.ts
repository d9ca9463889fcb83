/** Tag compliance (electron/core/compliance): the policy and the compliant share of cost per period. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const COMPLIANCE_CHANNELS = {} as const
