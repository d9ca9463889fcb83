/**
 * zod, configured once for every schema Focal builds: jitless, because zod 4
 * otherwise probes `new Function` when it creates object schemas, which the
 * app's CSP (no 'unsafe-eval') reports as a violation in every window.
 * Every module of `shared/` imports zod from here, never directly.
 */
import { config, z } from 'zod'

config({ jitless: true })

export { z }
