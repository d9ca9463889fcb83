/** `focal budgets`: Budgets and their status. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const BUDGETS_HELP = `focal budgets -w <workspace.focal> --period YYYY-MM [--json]
      Budgets and their status.`

/** Runs `focal budgets`; returns the exit code. */
export async function runBudgetsCommand(_argv: string[]): Promise<number> {
  return usage('focal budgets is not available in this build.')
}
