/**
 * The passphrase of `focal encrypt` / `focal decrypt`: FOCAL_PASSPHRASE when set (scripts),
 * else asked on the terminal without echo. It is never stored, logged or put in argv (where
 * other users of the machine could read it in the process list).
 */
import { fail } from '../../shared/contract'

/** The environment variable a script passes the passphrase in. */
export const PASSPHRASE_VARIABLE = 'FOCAL_PASSPHRASE'

/** Shortest passphrase `focal encrypt` accepts. */
export const MIN_PASSPHRASE_LENGTH = 8

/**
 * The passphrase from FOCAL_PASSPHRASE or the terminal; `confirm` asks twice (encrypting, where a
 * typo would lock the data away). Throws BAD_REQUEST when there is no way to get one.
 */
export async function readPassphrase(confirm: boolean): Promise<string> {
  const fromEnvironment = process.env[PASSPHRASE_VARIABLE]
  if (fromEnvironment !== undefined) return fromEnvironment
  if (!process.stdin.isTTY)
    fail('BAD_REQUEST', 'No passphrase: there is no terminal to ask on.', {
      hint: `Run the command in a terminal to be asked, or set ${PASSPHRASE_VARIABLE}.`,
    })
  const first = await askHidden('Passphrase: ')
  if (!confirm) return first
  const second = await askHidden('Passphrase again: ')
  if (first !== second)
    fail('BAD_REQUEST', 'The two passphrases differ; nothing was written.', {
      hint: 'Run the command again and type the same passphrase twice.',
    })
  return first
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C cancels. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin
  // Raw (no echo) before the prompt shows: whatever is typed once it is visible is never echoed.
  input.setRawMode(true)
  process.stderr.write(question)
  return new Promise<string>((resolve, reject) => {
    let typed = ''
    const finish = (done: () => void): void => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      done()
    }
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(() => resolve(typed))
        // Ctrl-C: the caller answers CANCELLED and writes nothing.
        if (character === '\u0003') return finish(() => reject(new Error('cancelled')))
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('')
        else typed += character
      }
    }
    input.resume()
    input.on('data', onData)
  }).catch(() => fail('CANCELLED', 'Cancelled; nothing was written.'))
}
