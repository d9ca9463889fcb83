/** `focal ledger`: The weekly cost ledger. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const LEDGER_HELP = `focal ledger -w <workspace.focal> --week YYYY-Www [--by <dim>] [--top N] [--json|--csv]
      The weekly cost ledger.`

/** Runs `focal ledger`; returns the exit code. */
export async function runLedgerCommand(_argv: string[]): Promise<number> {
  return usage('focal ledger is not available in this build.')
}
