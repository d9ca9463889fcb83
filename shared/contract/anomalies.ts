/** Daily cost anomalies (electron/core/anomalies): the scan, each anomaly with its band and drivers, and its state. */

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const ANOMALY_CHANNELS = {} as const
