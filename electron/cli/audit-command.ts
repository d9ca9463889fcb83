/**
 * `focal audit verify` and `focal audit log`: an auditor checks that the
 * workspace's audit log is the one Focal wrote (core/audit/verify-audit.ts)
 * and reads it, filtered by UTC day and kind of change.
 */
import { resolve } from 'node:path'
import { entriesCsv } from '../core/audit/audit-export'
import { listAuditEntries, type AuditEntry } from '../core/audit/audit-log'
import { verifyAudit, type AuditVerification } from '../core/audit/verify-audit'
import { Workspace } from '../core/workspace/workspace'
import { AUDIT_EXPLAIN_HELP, runAuditExplain } from './audit-explain'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal audit`. */
export const AUDIT_HELP = `focal audit verify -w <workspace.focal> [--head <hash>] [--json]
      Recompute the audit log's hash chain: every entry's hash over its number, UTC
      time, user, action, subject and details, and its link to the previous entry.
      Reports the first break (entry, field, expected, found) and the last entry's
      hash: note it, and give it to a later verify as --head, which then also finds
      entries cut from the end (a shorter chain is otherwise intact).
      Also checks each logged import against what is stored: file name, SHA-256 and
      row count in the registry, rows and exact BilledCost/EffectiveCost per currency
      of its stored rows; and each logged close and reopen against the stored one.
      Exit code 0 only if all of it holds, 1 otherwise.
  focal audit log -w <workspace.focal> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--kind <action or prefix>] [--json|--csv]
      List the audit log in order: number, UTC time, user, action, subject, details.
      --from/--to are UTC days, both included; --kind import lists import.*.
  ${AUDIT_EXPLAIN_HELP}`

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

function usage(message: string): number {
  return usageError(message, AUDIT_HELP)
}

/** Runs `focal audit verify|log|explain`; `argv` is everything after `audit`. Exit 0, 1 broken or refused, 2 usage. */
export async function runAuditCommand(argv: string[]): Promise<number> {
  // explain has options of its own (audit-explain.ts).
  if (argv[0] === 'explain') return runAuditExplain(argv.slice(1))
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      kind: { type: 'string' },
      head: { type: 'string' },
      csv: { type: 'boolean', default: false },
    },
    AUDIT_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...rest] = positionals
  if (action !== 'verify' && action !== 'log')
    return usage(
      action
        ? `Unknown audit action ${action}; use verify, log or explain.`
        : 'focal audit needs verify, log or explain.',
    )
  if (rest.length > 0) return usage(`Unexpected argument ${rest[0]}.`)
  if (!values.workspace) return usage(`focal audit ${action} needs -w <workspace.focal>.`)
  if (action === 'verify' && (values.from || values.to || values.kind || values.csv))
    return usage('--from, --to, --kind and --csv go with focal audit log.')
  if (action === 'log' && values.head !== undefined)
    return usage('--head goes with focal audit verify.')
  if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head))
    return usage(`--head takes the 64 hex digits of an entry's hash, not "${values.head}".`)
  for (const [name, day] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (day !== undefined && !validDay(day))
      return usage(`${name} takes a day as YYYY-MM-DD (e.g. 2026-11-30), not "${day}".`)
  if (values.json && values.csv) return usage('Give --json or --csv, not both.')
  try {
    const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
    try {
      if (action === 'verify') {
        const result = await verifyAudit(ws, values.head ? { head: values.head } : {})
        console.log(
          values.json ? JSON.stringify(result, null, 2) : describeVerification(ws.name, result),
        )
        return result.ok ? 0 : 1
      }
      const entries = await listAuditEntries(ws, {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
      })
      console.log(
        values.json
          ? JSON.stringify({ ok: true, entries }, null, 2)
          : values.csv
            ? entriesCsv(entries)
            : describeEntries(entries),
      )
      return 0
    } finally {
      await ws.close()
    }
  } catch (cause) {
    return refused(cause, values.json)
  }
}

/** A real calendar day in YYYY-MM-DD. */
function validDay(day: string): boolean {
  return DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)
}

function describeVerification(name: string, result: AuditVerification): string {
  const lines: string[] = []
  const broken = result.break
  if (broken) {
    lines.push(
      broken.field === 'head'
        ? `Audit log of ${name}.focal: BROKEN, the --head entry is gone.`
        : `Audit log of ${name}.focal: BROKEN at entry ${broken.seq ?? '(no number)'}, field ${broken.field}.`,
      `  ${broken.message}`,
      `  expected: ${broken.expected}`,
      `  found:    ${broken.found}`,
    )
  } else {
    lines.push(`Audit log of ${name}.focal: ${result.entries} entries, chain intact.`)
    if (result.head) lines.push(`  Last entry ${result.head.seq}, hash ${result.head.hash}`)
  }
  const start = result.chainStart
  if (start)
    lines.push(
      `  Entries 1–${start.through} were logged before the chain existed and chained at the upgrade of ${start.at} (entry ${start.upgradeSeq}): they are proven unchanged only since then.`,
    )
  const { checked, mismatches } = result.imports
  lines.push(
    `Imports: ${checked} logged import${checked === 1 ? '' : 's'} checked (file name, SHA-256, row count; rows, BilledCost and EffectiveCost per currency as stored)` +
      (mismatches.length === 0
        ? ': all match.'
        : `: ${mismatches.length} difference${mismatches.length === 1 ? '' : 's'}.`),
  )
  for (const m of mismatches)
    lines.push(
      `  import ${m.importId} (${m.fileName}, logged in entry ${m.seq}): ${m.field} logged ${m.expected}, stored ${m.found}`,
    )
  const closes = result.closes
  lines.push(
    `Closes: ${closes.checked} logged ${closes.checked === 1 ? 'close or reopen' : 'closes and reopens'} checked (note, metric, grouping, rule version, fingerprints, totals as stored)` +
      (closes.mismatches.length === 0
        ? ': all match.'
        : `: ${closes.mismatches.length} difference${closes.mismatches.length === 1 ? '' : 's'}.`),
  )
  for (const m of closes.mismatches)
    lines.push(
      `  ${m.action} of ${m.period}${m.seq === null ? '' : ` (logged in entry ${m.seq})`}: ${m.field} logged ${m.expected}, stored ${m.found}`,
    )
  return lines.join('\n')
}

function describeEntries(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'No audit entries match.'
  const rows = entries.map((e) => {
    const details = e.details === null ? '' : JSON.stringify(e.details)
    return [
      e.seq === null ? '' : String(e.seq),
      e.loggedAt,
      e.actor,
      e.action,
      e.subject ?? '',
      details.length > 80 ? `${details.slice(0, 79)}…` : details,
    ]
  })
  return `${textTable(['#', 'Logged at (UTC)', 'User', 'Action', 'Subject', 'Details'], rows, new Set([0]))}\n(${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}; --json or --csv for the full details)`
}
