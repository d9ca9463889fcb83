/** `focal encrypt`: Encrypt a workspace for carrying. */
import { usage } from './usage'

/** The command's lines in `focal --help`. */
export const ENCRYPT_HELP = `focal encrypt -w <workspace.focal> --out <file> | focal decrypt <file> --out <workspace.focal>
      Encrypt a workspace for carrying.`

/** Runs `focal encrypt`; returns the exit code. */
export async function runEncryptCommand(_argv: string[]): Promise<number> {
  return usage('focal encrypt is not available in this build.')
}
