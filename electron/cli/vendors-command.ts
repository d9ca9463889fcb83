/** `focal vendors`: The vendor register. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const VENDORS_HELP = `focal vendors -w <workspace.focal> [--json]
      The vendor register.`

/** Runs `focal vendors`; returns the exit code. */
export async function runVendorsCommand(_argv: string[]): Promise<number> {
  return usage('focal vendors is not available in this build.')
}
