/** The web host the browser tests talk to: a known port and token, shared by the config, global setup and specs. */

/** Port of the e2e web host (FOCAL_E2E_PORT overrides it when 47813 is taken). */
export const E2E_PORT = Number(process.env.FOCAL_E2E_PORT ?? 47_813)

/** The per-run token the e2e host is started with. */
export const E2E_TOKEN = process.env.FOCAL_E2E_TOKEN ?? 'e2e-token-not-secret-loopback-only'

/** The host's origin; every request the page makes must start with it. */
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`
