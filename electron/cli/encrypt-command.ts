/**
 * `focal encrypt` and `focal decrypt`: a workspace carried from machine to machine as one
 * encrypted file (core/crypto). The passphrase comes from FOCAL_PASSPHRASE or a prompt.
 */
import { resolve } from 'node:path'
import { fail } from '../../shared/contract'
import { DEFAULT_CHUNK_BYTES, DEFAULT_KDF } from '../core/crypto/carry-header'
import { decryptWorkspace, encryptWorkspace } from '../core/crypto/carry-workspace'
import { refused } from './format'
import { MIN_PASSPHRASE_LENGTH, readPassphrase } from './passphrase-prompt'
import { runSealedCommand, SEALED_HELP } from './sealed-command'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const ENCRYPT_HELP = `focal encrypt -w <workspace.focal> --out <file> [--force] [--json]
  focal decrypt <file> --out <workspace.focal> [--force] [--json]
      Encrypt a workspace for carrying, and decrypt it on the other machine. The
      passphrase is asked twice without echo (encrypt; at least ${MIN_PASSPHRASE_LENGTH} characters) or
      read from FOCAL_PASSPHRASE; it is stored nowhere. The workspace is closed
      first (it must not be open elsewhere) and the encryption is logged in its
      audit trail. scrypt (N=2^17, r=8, p=1) and AES-256-GCM in 1 MiB chunks, each
      authenticated: a wrong passphrase or a changed, cut or extended file is
      refused and nothing is written. --out is never replaced without --force.
  ${SEALED_HELP}`

const OPTIONS = {
  ...WORKSPACE_OPTIONS,
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
} as const

/** Runs `focal encrypt|decrypt|sealed`; `argv` starts with the command. Exit 0, 1 refused, 2 usage. */
export async function runEncryptCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'sealed') return runSealedCommand(rest)
  const parsed = parseCommand(rest, OPTIONS, ENCRYPT_HELP)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const usage = (message: string): number => usageError(message, ENCRYPT_HELP)
  if (!values.out) return usage(`focal ${command} needs --out <file>.`)
  if (command === 'encrypt') {
    if (!values.workspace) return usage('focal encrypt needs -w <workspace.focal>.')
    if (positionals.length > 0) return usage(`Unexpected argument ${positionals[0]}.`)
  } else {
    if (values.workspace) return usage('focal decrypt takes the encrypted file, not -w.')
    if (positionals.length !== 1) return usage('focal decrypt needs one encrypted file.')
  }
  try {
    const passphrase = await readPassphrase(command === 'encrypt')
    if (passphrase === '') fail('BAD_REQUEST', 'The passphrase is empty; nothing was written.')
    if (command === 'encrypt' && [...passphrase].length < MIN_PASSPHRASE_LENGTH)
      fail(
        'BAD_REQUEST',
        `The passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters; nothing was written.`,
        {
          hint: 'Choose a longer passphrase: a few unrelated words are easy to type and hard to guess.',
        },
      )
    const out = resolve(values.out)
    if (command === 'encrypt') {
      const summary = await encryptWorkspace(resolve(values.workspace ?? ''), out, passphrase, {
        force: values.force,
      })
      const kdf = { name: 'scrypt', N: 2 ** DEFAULT_KDF.log2N, r: DEFAULT_KDF.r, p: DEFAULT_KDF.p }
      console.log(
        values.json
          ? JSON.stringify(
              { ok: true, ...summary, cipher: 'AES-256-GCM', kdf, chunkBytes: DEFAULT_CHUNK_BYTES },
              null,
              2,
            )
          : `Encrypted into ${summary.file} (${summary.bytes} bytes in ${summary.chunks} chunks; scrypt N=${kdf.N} r=${kdf.r} p=${kdf.p}, AES-256-GCM).\n` +
              'Keep the passphrase safe: Focal stores it nowhere and cannot recover it.',
      )
    } else {
      const summary = await decryptWorkspace(resolve(positionals[0] ?? ''), out, passphrase, {
        force: values.force,
      })
      console.log(
        values.json
          ? JSON.stringify({ ok: true, ...summary }, null, 2)
          : `Decrypted into ${summary.file} (${summary.bytes} bytes); open it with -w ${summary.file}.`,
      )
    }
    return 0
  } catch (cause) {
    return refused(cause, values.json)
  }
}
