/**
 * `focal pivot`: runs the pivot compiler the Explore screen uses (shared/sql) on a workspace and
 * prints the table; `--save <name>` keeps the spec as a saved view (`focal view run` prints the
 * same output on the same data).
 */
import { writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runPivotTable } from '../core/query/pivot'
import { exportPivot } from '../core/query/pivot-export'
import { saveView } from '../core/views/saved-views'
import { Workspace } from '../core/workspace/workspace'
import { pivotSpecFromArgs } from './pivot-spec-args'
import { CONDITION_HELP, CONDITION_OPTIONS } from './pivot-condition-args'
import { printPivotTable } from './pivot-output'
import { applyMask, MASK_HELP, MASK_OPTIONS } from './mask-option'
import { describeArgsError, usageError } from './usage'

/** Help text of `focal pivot`. */
export const PIVOT_HELP = `focal pivot -w <workspace.focal> --rows <dim>[,<dim>] [--columns <dim>|<grain>]
              [--measure <m>[,<m>]] [--filter '<dim>=<v1>,<v2>'] [--exclude '<dim>=<v>']
              [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--grain day|week|month|quarter]
              [--basis charge|billing] [--top N] [--sort <column>[:asc|desc]] [--no-totals]
              [--where '<column>>=<n>'] [--contains|--starts-with|--equals '<dim>=<text>']
              [--has-tag <key>] [--no-tag <key>]
              [--csv|--json] [--save <name>] [--csv|--xlsx --out <file>] [--mask]
      A pivot table: rows by one or two dimensions (a column or tag:<key>; (none) for a
      missing value), optionally a column axis (a dimension, or time: --columns month),
      several measures side by side (BilledCost, EffectiveCost, ListCost, ContractedCost,
      ConsumedQuantity, PricingQuantity, RowCount, DistinctCount(<column>), UnitCost,
      Savings, EffectiveSavingsRate, PercentOfTotal, ChangeVsPrevious,
      ChangePercentVsPrevious), a subtotal per first-level row and a total per currency.
      Amounts in different currencies never share a total; quantities are split by unit.
      Dates are the charge period's start unless --basis billing. --top N keeps the N
      largest first-level rows per currency and folds the rest into (Other), last.
      --out <file> with --csv or --xlsx writes the table as Explore exports it: a header
      block (workspace, filters, dates, date basis, measures), then every row expanded with
      labels as shown; the CSV keeps exact decimals, the XLSX amounts at the currency's cents.
      ${CONDITION_HELP}
      ${MASK_HELP}`

function usage(message: string): number {
  return usageError(message, PIVOT_HELP)
}

/** Runs `focal pivot …`; `argv` is everything after `pivot`. Returns the exit code. */
export async function runPivotCommand(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        workspace: { type: 'string', short: 'w' },
        rows: { type: 'string' },
        columns: { type: 'string' },
        measure: { type: 'string' },
        filter: { type: 'string', multiple: true, default: [] },
        exclude: { type: 'string', multiple: true, default: [] },
        ...CONDITION_OPTIONS,
        from: { type: 'string' },
        to: { type: 'string' },
        grain: { type: 'string' },
        basis: { type: 'string' },
        top: { type: 'string' },
        sort: { type: 'string' },
        'no-totals': { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        xlsx: { type: 'boolean', default: false },
        out: { type: 'string' },
        save: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...MASK_OPTIONS,
      },
    })
  } catch (cause) {
    return usage(
      describeArgsError(cause) ?? (cause instanceof Error ? cause.message : String(cause)),
    )
  }
  const { values } = parsed
  if (values.help) {
    console.log(PIVOT_HELP)
    return 0
  }
  if (!values.workspace) return usage('focal pivot needs -w <workspace.focal>.')
  if ([values.csv, values.json, values.xlsx].filter(Boolean).length > 1)
    return usage('--csv, --json and --xlsx: give one.')
  if (values.xlsx && values.out === undefined) return usage('--xlsx needs --out <file>.')
  if (values.out !== undefined && !values.csv && !values.xlsx)
    return usage('--out writes a CSV or an XLSX file: add --csv or --xlsx.')
  if (values.out !== undefined && values.out.trim() === '') return usage('--out needs a file name.')
  if (values.save !== undefined && values.save.trim() === '')
    return usage('--save needs a view name.')
  const spec = pivotSpecFromArgs({ ...values, totals: !values['no-totals'] })
  if (typeof spec === 'string') return usage(spec)
  // Saving writes the workspace; only printing opens it read-only.
  const ws = await Workspace.open(resolve(values.workspace), {
    readOnly: values.save === undefined,
  })
  try {
    await applyMask(ws, values)
    if (values.out !== undefined) {
      const file = await exportPivot(ws, spec, values.xlsx ? 'xlsx' : 'csv')
      await writeFile(resolve(values.out), file.bytes)
      console.error(`Wrote ${basename(values.out)}.`)
    } else {
      const table = await runPivotTable(ws, spec)
      process.stdout.write(
        printPivotTable(table, values.json ? 'json' : values.csv ? 'csv' : 'text'),
      )
    }
    if (values.save !== undefined) {
      await saveView(ws, values.save, spec)
      console.error(`Saved as view ${values.save.trim()}.`)
    }
    return 0
  } finally {
    ws.close()
  }
}
