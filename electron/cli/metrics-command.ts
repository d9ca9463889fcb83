/** `focal metrics`: Business metrics for unit costs. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const METRICS_HELP = `focal metrics import <file.csv> -w <workspace.focal>
      Business metrics for unit costs.`

/** Runs `focal metrics`; returns the exit code. */
export async function runMetricsCommand(_argv: string[]): Promise<number> {
  return usage('focal metrics is not available in this build.')
}
