/** `focal backlog`: The cost-debt backlog. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const BACKLOG_HELP = `focal backlog list|add|update|realized -w <workspace.focal> [--json]
      The cost-debt backlog.`

/** Runs `focal backlog`; returns the exit code. */
export async function runBacklogCommand(_argv: string[]): Promise<number> {
  return usage('focal backlog is not available in this build.')
}
