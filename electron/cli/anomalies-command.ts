/** `focal anomalies`: Daily cost anomalies. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const ANOMALIES_HELP = `focal anomalies -w <workspace.focal> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
      Daily cost anomalies.`

/** Runs `focal anomalies`; returns the exit code. */
export async function runAnomaliesCommand(_argv: string[]): Promise<number> {
  return usage('focal anomalies is not available in this build.')
}
