/** `focal info`: what a workspace holds, at a glance or as JSON (electron/core/info). */
import { resolve } from 'node:path'
import { workspaceInfo, type WorkspaceInfo } from '../core/info/workspace-info'
import { Workspace } from '../core/workspace/workspace'
import { textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal info`. */
export const INFO_HELP = `focal info -w <workspace.focal> [--json]
      What the workspace holds: format version, billing periods, providers, accounts,
      rows, currencies with exact totals, imports by status, FOCUS versions, rule
      versions, saved views, closed months, size on disk, created and last changed.
      Read-only.`

/** Runs `focal info`; `argv` is everything after `info`. Exit 0, 1 refused, 2 usage. */
export async function runInfoCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
    },
    INFO_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length > 0) return usageError('focal info takes no arguments.', INFO_HELP)
  if (!values.workspace) return usageError('focal info needs -w <workspace.focal>.', INFO_HELP)
  // A read-only open: info changes nothing, and works while the app has the workspace open.
  const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
  try {
    const info = await workspaceInfo(ws)
    console.log(values.json ? JSON.stringify({ ok: true, ...info }, null, 2) : describeInfo(info))
    return 0
  } finally {
    await ws.close()
  }
}

/** The facts as text, one per line, then the totals per currency. */
export function describeInfo(info: WorkspaceInfo): string {
  const list = (values: WorkspaceInfo['periods']): string =>
    values.length === 0
      ? 'none'
      : values
          .map((v) => `${v.value ?? '(none)'} (${v.rows} row${v.rows === 1 ? '' : 's'})`)
          .join(', ')
  const statuses = Object.entries(info.imports.byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ')
  const closes = info.closes
    ? info.closes.map((c) => `${c.period} ${c.state}`).join(', ') || 'none'
    : 'none (no close table in this format)'
  return [
    `workspace:      ${info.workspace} (format ${info.format})`,
    `created:        ${info.createdAt ?? 'unknown'}`,
    `last changed:   ${info.lastModified}`,
    `size on disk:   ${info.sizeBytes} bytes`,
    `rows:           ${info.rows.counted} counted (${info.rows.stored} stored, superseded rows included)`,
    `periods:        ${list(info.periods)}`,
    `providers:      ${list(info.providers)}`,
    `accounts:       ${info.accounts.billingAccounts} billing accounts, ${info.accounts.subAccounts} sub accounts`,
    `imports:        ${info.imports.total}${statuses ? ` (${statuses})` : ''}`,
    `FOCUS versions: ${info.focusVersions.join(', ') || 'none'}`,
    `rule versions:  ${info.ruleVersions.count}${info.ruleVersions.latest === null ? '' : ` (latest v${info.ruleVersions.latest})`}`,
    `saved views:    ${info.savedViews}`,
    `closed months:  ${closes}`,
    `sources:        ${sourcesLine(info)}`,
    '',
    textTable(
      ['currency', 'rows', 'BilledCost', 'EffectiveCost'],
      info.currencies.map((c) => [
        c.currency ?? '(none)',
        String(c.rows),
        c.BilledCost,
        c.EffectiveCost,
      ]),
      new Set([1, 2, 3]),
    ),
  ].join('\n')
}

/** Whether sources are embedded: the setting for new imports, and the files already inside. */
function sourcesLine(info: WorkspaceInfo): string {
  const { files, bytes } = info.embeddedSources
  const inside = files > 0 ? `; ${files} source files inside (${bytes} bytes compressed)` : ''
  return info.sourcesEmbedded
    ? `embedded (each import stores its file, compressed)${inside}`
    : `not embedded (the workspace keeps each file's name and SHA-256, not its bytes)${inside}`
}
