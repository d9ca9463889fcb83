/**
 * `focal view`: the workspace's saved views (electron/core/views): list them, run one (printed
 * exactly as `focal pivot` printed it), export one to a small JSON file, import, rename, delete.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { dimensionLabel } from '../../shared/pivot'
import { measureLabel } from '../../shared/pivot/table-measures'
import { specMeasures } from '../../shared/sql/pivot-table-sql'
import { runPivotTable } from '../core/query/pivot'
import {
  deleteView,
  exportView,
  getView,
  importView,
  listViews,
  renameView,
} from '../core/views/saved-views'
import { Workspace } from '../core/workspace/workspace'
import { textTable } from './format'
import { printPivotTable } from './pivot-output'
import { parseCommand, usageError } from './usage'

/** Help text of `focal view`. */
export const VIEW_HELP = `focal view list | run <name> [--csv|--json] | export <name> --out <file> | import <file>
             | rename <name> <new name> | delete <name>  -w <workspace.focal>
      Saved pivot views (focal pivot --save <name> saves one). run prints what focal pivot
      printed when the view was saved, on the workspace's data now; export writes the view
      as a small JSON file (its name and pivot, no paths or data) that import reads back.`

function usage(message: string): number {
  return usageError(message, VIEW_HELP)
}

const ARITY: Record<string, number> = {
  list: 0,
  run: 1,
  export: 1,
  import: 1,
  rename: 2,
  delete: 1,
}

/** Runs `focal view …`; `argv` is everything after `view`. Returns the exit code. */
export async function runViewCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      out: { type: 'string' },
      csv: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    VIEW_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  const arity = ARITY[action]
  if (arity === undefined)
    return usage(`focal view takes list, run, export, import, rename or delete, not "${action}".`)
  if (args.length !== arity)
    return usage(
      `focal view ${action} takes ${arity === 0 ? 'no' : arity} argument${arity === 1 ? '' : 's'}.`,
    )
  if (!values.workspace) return usage(`focal view ${action} needs -w <workspace.focal>.`)
  if (values.csv && values.json) return usage('--csv and --json: give one.')
  if (action === 'export' && !values.out) return usage('focal view export needs --out <file>.')
  const writes = ['import', 'rename', 'delete'].includes(action)
  const ws = await Workspace.open(resolve(values.workspace), { readOnly: !writes })
  try {
    const [first = '', second = ''] = args
    switch (action) {
      case 'list': {
        const views = await listViews(ws)
        if (values.json) console.log(JSON.stringify(views, null, 2))
        else if (views.length === 0) console.log('No saved views.')
        else
          console.log(
            textTable(
              ['Name', 'Rows', 'Columns', 'Measures', 'Updated'],
              views.map((v) => [
                v.name,
                v.spec.rows.map(dimensionLabel).join(', '),
                !v.spec.columns
                  ? ''
                  : v.spec.columns.kind === 'time'
                    ? v.spec.timeGrain
                    : dimensionLabel(v.spec.columns),
                specMeasures(v.spec).map(measureLabel).join(', '),
                v.updatedAt,
              ]),
            ),
          )
        return 0
      }
      case 'run': {
        const view = await getView(ws, first)
        const table = await runPivotTable(ws, view.spec)
        process.stdout.write(
          printPivotTable(table, values.json ? 'json' : values.csv ? 'csv' : 'text'),
        )
        return 0
      }
      case 'export':
        writeFileSync(resolve(values.out!), await exportView(ws, first))
        console.log(`Exported view ${first} to ${basename(values.out!)}.`)
        return 0
      case 'import': {
        const name = await importView(ws, readFileSync(resolve(first), 'utf8'), basename(first))
        console.log(`Imported view ${name}.`)
        return 0
      }
      case 'rename':
        await renameView(ws, first, second)
        console.log(`Renamed view ${first} to ${second}.`)
        return 0
      default:
        await deleteView(ws, first)
        console.log(`Deleted view ${first}.`)
        return 0
    }
  } finally {
    ws.close()
  }
}
