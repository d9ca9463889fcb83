/**
 * Turns off zod's JIT before any schema is built. Zod probes for `new Function`
 * when it creates an object schema; under our CSP (no 'unsafe-eval') that probe
 * is a CSP violation on every start. Imported first by main.tsx so it runs
 * before shared/contract's schemas are created.
 */
import { config } from 'zod'

config({ jitless: true })
