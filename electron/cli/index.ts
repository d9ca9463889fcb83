/**
 * The `focal` command: the same core services as the app, without Electron,
 * for scripting imports and queries (README: The focal command).
 */
import { parseArgs } from 'node:util'
import { AzureCostView, FocalFailure, OverlapChoice, toFocalError } from '../../shared/contract'
import { ALLOCATE_HELP, runAllocateCommand } from './allocate-command'
import { AUDIT_HELP, runAuditCommand } from './audit-command'
import { COMMITMENTS_HELP, runCommitmentsCommand } from './commitments-command'
import { runImportCommand, runImportsCommand, runQueryCommand } from './commands'
import { REPORT_HELP, runReportCommand } from './report-command'
import { CLOSE_HELP, runCloseCommand } from './close-command'
import { FX_HELP, runFxCommand } from './fx-command'
import { LAKE_HELP, runExportCommand } from './lake-command'
import { INFO_HELP, runInfoCommand } from './info-command'
import { COPY_HELP, DIAGNOSTICS_HELP, runCopyCommand, runDiagnosticsCommand } from './copy-command'
import { TAGS_HELP, runTagsCommand } from './tags-command'
import { ROWS_HELP, runRowsCommand } from './rows-command'
import { PIVOT_HELP, runPivotCommand } from './pivot-command'
import { VIEW_HELP, runViewCommand } from './view-command'
import { VALIDATE_HELP, runValidateCommand } from './validate-command'
import { MAPPINGS_HELP, runMappedImportCommand, runMappingsCommand } from './mappings-command'
import { LEDGER_HELP, runLedgerCommand } from './ledger-command'
import { BUDGETS_HELP, runBudgetsCommand } from './budgets-command'
import { ANOMALIES_HELP, runAnomaliesCommand } from './anomalies-command'
import { METRICS_HELP, runMetricsCommand } from './metrics-command'
import { BACKLOG_HELP, runBacklogCommand } from './backlog-command'
import { VENDORS_HELP, runVendorsCommand } from './vendors-command'
import { ENCRYPT_HELP, runEncryptCommand } from './encrypt-command'
import { printError } from './format'
import { Workspace } from '../core/workspace/workspace'
import { describeArgsError, usage } from './usage'

const HELP = `focal — load, normalize and query cloud cost data offline

Usage:
  focal import <file|folder>... -w <workspace.focal> [--json] [--on-overlap <choice>]
               [--allow-incomplete] [--azure-cost-view actual|amortized]
               [--assume <FocusColumn>=<value>]... [--embed-source]
      Import billing exports: CSV, CSV.gz, Parquet or JSON-lines files, or ZIP
      archives of them (folders: every such file inside, recursively; each billing
      file in a ZIP is imported as <archive>.zip/<inner path>, others are skipped).
      An AWS CUR manifest (*-Manifest.json) in a folder or ZIP makes the parts it
      lists one delivery, imported all or nothing; a later delivery of the month
      restates the earlier one whole. A delivery missing parts is refused
      (INCOMPLETE_DELIVERY) unless --allow-incomplete (each record then says so).
      Creates the workspace if missing. Exit code 0 only if every file imported.
      A file that overlaps earlier imports without restating them whole is refused
      (OVERLAP) unless --on-overlap says: supersede (its rows replace theirs in the
      shared billing scopes), keep-both (count both) or skip (leave it out).
      Azure cost details are told actual or amortized cost from their rows; the
      two exports of one period count as one view (every amortized row plus the
      actual export's commitment purchases and refunds). A file whose rows do not
      tell is refused (AZURE_COST_VIEW) unless --azure-cost-view says which it is.
      A FOCUS CSV lacking a required column is refused (MISSING_COLUMNS) unless
      --assume gives its value for every row (e.g. --assume BillingCurrency=USD;
      repeatable, only for FOCUS columns the file lacks): its rows are flagged
      VALUE_ASSUMED and the import record lists the assumed values.
      --embed-source stores each file itself in the workspace, gzip-compressed, in
      its import's transaction, so Show in source works on another machine (off by
      default; a workspace whose setting is on embeds every import).
  focal imports -w <workspace.focal> [--json]
      List the import registry: every attempt with its SHA-256, rows and totals.
  focal query -w <workspace.focal> [--json|--csv] "<SQL>"
      Run one read-only SELECT over the view \`focus\` (normalized rows, FOCUS names).
  ${VALIDATE_HELP}
  ${MAPPINGS_HELP}
${ALLOCATE_HELP}
  ${REPORT_HELP}
  ${CLOSE_HELP}
  ${FX_HELP}
  ${TAGS_HELP}
  ${ROWS_HELP}
  ${PIVOT_HELP}
  ${VIEW_HELP}
  ${COMMITMENTS_HELP}
  ${AUDIT_HELP}
  ${LAKE_HELP}
  ${INFO_HELP}
  ${COPY_HELP}
  ${DIAGNOSTICS_HELP}
  ${LEDGER_HELP}
  ${BUDGETS_HELP}
  ${ANOMALIES_HELP}
  ${METRICS_HELP}
  ${BACKLOG_HELP}
  ${VENDORS_HELP}
  ${ENCRYPT_HELP}
Options:
  -w, --workspace <file>   the workspace file (<name>.focal)
  --json                   machine-readable output (see README)
  --csv                    CSV output (query only)
  -h, --help               this help
  -v, --version            the version
  --                       end of options: what follows is a file or SQL even if it starts
                           with "-" (focal query -w costs.focal -- "-- note\nSELECT 1")
`

/** Commands with options of their own parse their arguments themselves. */
const OWN_PARSERS: Record<string, (argv: string[]) => Promise<number>> = {
  allocate: runAllocateCommand,
  audit: runAuditCommand,
  commitments: runCommitmentsCommand,
  report: runReportCommand,
  close: (argv) => runCloseCommand('close', argv),
  reopen: (argv) => runCloseCommand('reopen', argv),
  periods: (argv) => runCloseCommand('periods', argv),
  fx: runFxCommand,
  tags: runTagsCommand,
  rows: (argv) => runRowsCommand('rows', argv),
  row: (argv) => runRowsCommand('row', argv),
  validate: runValidateCommand,
  pivot: runPivotCommand,
  view: runViewCommand,
  mappings: runMappingsCommand,
  export: runExportCommand,
  info: runInfoCommand,
  copy: runCopyCommand,
  diagnostics: (argv) => runDiagnosticsCommand(argv, process.env.npm_package_version ?? '0.1.0'),
  ledger: runLedgerCommand,
  budgets: runBudgetsCommand,
  anomalies: runAnomaliesCommand,
  metrics: runMetricsCommand,
  backlog: runBacklogCommand,
  vendors: runVendorsCommand,
  encrypt: (argv) => runEncryptCommand(['encrypt', ...argv]),
  decrypt: (argv) => runEncryptCommand(['decrypt', ...argv]),
  sealed: (argv) => runEncryptCommand(['sealed', ...argv]),
}

async function main(argv: string[]): Promise<number> {
  // A workspace another Focal holds is read from a snapshot: say so, apart from the output.
  Workspace.onSnapshot = (info) => console.error(`Note: ${info.message}`)
  // Only what comes before `--` can be the command or an option.
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length
  const options = argv.slice(0, end)
  const at = options.findIndex(
    (a, i) => !a.startsWith('-') && !['-w', '--workspace'].includes(options[i - 1] ?? ''),
  )
  const own = OWN_PARSERS[options[at] ?? '']
  if (own && !options.includes('--help') && !options.includes('-h'))
    return own(argv.filter((_, i) => i !== at))
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string', short: 'w' },
      'on-overlap': { type: 'string' },
      'azure-cost-view': { type: 'string' },
      mapping: { type: 'string' },
      assume: { type: 'string', multiple: true, default: [] },
      'allow-incomplete': { type: 'boolean', default: false },
      'embed-source': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.version) {
    console.log(process.env.npm_package_version ?? '0.1.0')
    return 0
  }
  if (values.help || !command) {
    console.log(HELP)
    return command || values.help ? 0 : 2
  }
  const workspace = values.workspace
  if (!workspace) return usage(`focal ${command} needs -w <workspace.focal>.`)
  switch (command) {
    case 'import': {
      if (rest.length === 0) return usage('focal import needs at least one file or folder.')
      const onOverlap = overlapChoice(values['on-overlap'])
      if (onOverlap === null)
        return usage(
          `--on-overlap takes supersede, keep-both or skip, not "${values['on-overlap']}".`,
        )
      if (values.mapping !== undefined)
        return runMappedImportCommand(workspace, rest, values.mapping, values.json, onOverlap)
      const azureCostView = costViewOption(values['azure-cost-view'])
      if (azureCostView === null)
        return usage(
          `--azure-cost-view takes actual or amortized, not "${values['azure-cost-view']}".`,
        )
      const assume = assumeOption(values.assume)
      if (typeof assume === 'string') return usage(assume)
      return runImportCommand(workspace, rest, values.json, onOverlap, {
        allowIncomplete: values['allow-incomplete'],
        azureCostView,
        ...(values['embed-source'] ? { embedSource: true } : {}),
        ...(Object.keys(assume).length > 0 ? { assume } : {}),
      })
    }
    case 'imports':
      return runImportsCommand(workspace, values.json)
    case 'query':
      if (rest.length !== 1) return usage('focal query needs one SQL string (quote it).')
      return runQueryCommand(
        workspace,
        rest[0] ?? '',
        values.json ? 'json' : values.csv ? 'csv' : 'text',
      )
    default:
      return usage(`Unknown command ${command}.`)
  }
}

/** The --assume values as column → value, or the usage mistake in words. */
function assumeOption(specs: readonly string[]): Record<string, string> | string {
  const assume: Record<string, string> = {}
  for (const spec of specs) {
    const at = spec.indexOf('=')
    if (at <= 0)
      return `--assume takes <FocusColumn>=<value>, e.g. BillingCurrency=USD, not "${spec}".`
    const column = spec.slice(0, at).trim()
    if (column in assume) return `--assume gives ${column} twice.`
    assume[column] = spec.slice(at + 1)
  }
  return assume
}

/** The --azure-cost-view value: a view, undefined when not given, null when neither view. */
function costViewOption(value: string | undefined): AzureCostView | undefined | null {
  if (value === undefined) return undefined
  const parsed = AzureCostView.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The --on-overlap value: a choice, undefined when not given, null when not one of the choices. */
function overlapChoice(value: string | undefined): OverlapChoice | undefined | null {
  if (value === undefined) return undefined
  const parsed = OverlapChoice.safeParse(value)
  return parsed.success ? parsed.data : null
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (cause: unknown) => {
    const mistake = describeArgsError(cause)
    if (mistake !== null) {
      process.exitCode = usage(mistake)
      return
    }
    const error = toFocalError(cause)
    // `--json` after `--` is a file or SQL, not the option.
    const end = process.argv.indexOf('--')
    const options = end === -1 ? process.argv : process.argv.slice(0, end)
    printError(error, options.includes('--json'))
    process.exitCode = cause instanceof FocalFailure ? 1 : 3
  },
)
