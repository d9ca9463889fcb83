/** Usage errors of the `focal` command: a wrong option is the caller's mistake (exit 2), not Focal's. */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** The codes node:util parseArgs gives the mistakes a person makes on the command line. */
const PARSE_ARGS_CODES = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
])

/**
 * The sentence for a command-line mistake thrown by parseArgs, or null when
 * `cause` is something else. An unknown option is named, and since it is
 * often a file or SQL that starts with "-", the sentence says how to pass one.
 */
export function describeArgsError(cause: unknown): string | null {
  const code = (cause as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !PARSE_ARGS_CODES.has(code)) return null
  const message = cause instanceof Error ? cause.message : String(cause)
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message
  // Node's message is "Unknown option '<option>'", then advice when the command takes arguments.
  const prefix = "Unknown option '"
  const advice = message.lastIndexOf("'. To specify")
  const end = advice > 0 ? advice : message.endsWith("'") ? message.length - 1 : -1
  const option = message.startsWith(prefix) && end > 0 ? message.slice(prefix.length, end) : message
  return (
    `Unknown option ${JSON.stringify(option)}. A file or SQL that starts with "-" goes after -- ` +
    `(everything after -- is an argument), e.g. focal import -w costs.focal -- -x.csv.`
  )
}

/** Prints a usage mistake and where help is; returns exit code 2. */
export function usage(message: string): number {
  console.error(`${message}\nRun focal --help for usage.`)
  return 2
}

/** The options a subcommand takes (node:util parseArgs' own shape). */
type CommandOptions = NonNullable<ParseArgsConfig['options']>

/** A usage error: the message, then the command's help, on stderr; exit code 2. */
export function usageError(message: string, help: string): number {
  console.error(`${message}\n\nUsage:\n  ${help}`)
  return 2
}

/** The options of a subcommand that works on a workspace: -w, --json and --help. */
export const WORKSPACE_OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/**
 * Parses a subcommand's arguments the way every `focal` subcommand does: positionals
 * allowed, a mistake answered with its sentence and the help (exit 2), `--help` with
 * the help (exit 0). Returns the parsed values, or the exit code already answered.
 */
export function parseCommand<O extends CommandOptions>(
  argv: string[],
  options: O,
  help: string,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>> | number {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options })
  } catch (cause) {
    return usageError(
      describeArgsError(cause) ?? (cause instanceof Error ? cause.message : String(cause)),
      help,
    )
  }
  if ((parsed.values as { help?: unknown }).help === true) {
    console.log(help)
    return 0
  }
  return parsed
}
