/**
 * Saved views: a named pivot spec kept in the workspace, checked by PivotSpecSchema when it is
 * written and again when it is read (a hand-edited or newer file is refused, not half-run).
 * Every change is recorded in the audit log. The export is a small JSON file holding the name
 * and the spec only: no paths, no data.
 */
import { fail } from '../../../shared/contract'
import { z } from '../../../shared/zod'
import { PivotSpecSchema, type PivotSpec } from '../../../shared/pivot'
import type { Workspace } from '../workspace/workspace'
import { SAVED_VIEW_TABLES } from './saved-views-sql'

/** A saved view as listed. */
export interface SavedView {
  readonly name: string
  readonly spec: PivotSpec
  readonly createdAt: string
  readonly updatedAt: string
}

/** The exported file: what `focal view import` and the app read back. */
export const ViewFileSchema = z.object({
  focalView: z.literal(1),
  name: z.string().min(1).max(200),
  spec: PivotSpecSchema,
})

const NameSchema = z
  .string()
  .min(1, 'A view needs a name.')
  .max(200, 'A view name has at most 200 characters.')

function checkName(name: string): string {
  const parsed = NameSchema.safeParse(name.trim())
  if (!parsed.success) fail('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Bad view name.')
  return parsed.data
}

function parseSpec(name: string, json: string): PivotSpec {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    fail('BAD_REQUEST', `The saved view ${name} is not valid JSON; delete it and save it again.`)
  }
  const parsed = PivotSpecSchema.safeParse(value)
  if (!parsed.success)
    fail(
      'BAD_REQUEST',
      `The saved view ${name} is not a pivot this Focal can run (${parsed.error.issues[0]?.message}); delete it and save it again.`,
    )
  return parsed.data
}

/** Every saved view, by name. */
export async function listViews(ws: Workspace): Promise<SavedView[]> {
  const rows = await ws.all(
    `SELECT name, spec, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created,
       strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated FROM saved_views ORDER BY name`,
  )
  return rows.map((r) => ({
    name: String(r.name),
    spec: parseSpec(String(r.name), String(r.spec)),
    createdAt: String(r.created),
    updatedAt: String(r.updated),
  }))
}

/** One saved view, or a NOT_FOUND failure naming it. */
export async function getView(ws: Workspace, name: string): Promise<SavedView> {
  const view = (await listViews(ws)).find((v) => v.name === name)
  if (!view) fail('NOT_FOUND', `No saved view ${name}. focal view list shows the saved views.`)
  return view
}

/** Saves `spec` as `name`, replacing a view of that name (its created time kept). */
export async function saveView(ws: Workspace, name: string, spec: PivotSpec): Promise<void> {
  const checked = PivotSpecSchema.parse(spec)
  const viewName = checkName(name)
  await ws.transaction(async () => {
    for (const ddl of SAVED_VIEW_TABLES) await ws.run(ddl)
    const [existing] = await ws.all('SELECT 1 AS x FROM saved_views WHERE name = $1', [viewName])
    if (existing)
      await ws.run('UPDATE saved_views SET spec = $1, updated_at = now() WHERE name = $2', [
        JSON.stringify(checked),
        viewName,
      ])
    else
      await ws.run('INSERT INTO saved_views VALUES ($1, $2, now(), now())', [
        viewName,
        JSON.stringify(checked),
      ])
    await ws.audit(existing ? 'view.update' : 'view.save', viewName, { spec: checked })
  })
}

/** Renames a view; refuses a name already taken. */
export async function renameView(ws: Workspace, from: string, to: string): Promise<void> {
  const target = checkName(to)
  await ws.transaction(async () => {
    await getView(ws, from)
    const [taken] = await ws.all('SELECT 1 AS x FROM saved_views WHERE name = $1', [target])
    if (taken) fail('BAD_REQUEST', `A view named ${target} exists; delete or rename it first.`)
    await ws.run('UPDATE saved_views SET name = $1, updated_at = now() WHERE name = $2', [
      target,
      from,
    ])
    await ws.audit('view.rename', from, { to: target })
  })
}

/** Deletes a view. */
export async function deleteView(ws: Workspace, name: string): Promise<void> {
  await ws.transaction(async () => {
    const view = await getView(ws, name)
    await ws.run('DELETE FROM saved_views WHERE name = $1', [name])
    await ws.audit('view.delete', name, { spec: view.spec })
  })
}

/** The export file's text for a view. */
export async function exportView(ws: Workspace, name: string): Promise<string> {
  const view = await getView(ws, name)
  return `${JSON.stringify({ focalView: 1, name: view.name, spec: view.spec }, null, 2)}\n`
}

/** Reads an exported view's text (`fileName` is its display name, for the message); fails naming the field. */
export function readViewFile(text: string, fileName: string): z.infer<typeof ViewFileSchema> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    fail('BAD_REQUEST', `${fileName} is not JSON; export the view again with focal view export.`)
  }
  const parsed = ViewFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail(
      'BAD_REQUEST',
      `${fileName} is not a Focal view file (${issue?.path.join('.') || 'file'}: ${issue?.message}); export the view again with focal view export.`,
    )
  }
  return parsed.data
}

/** Imports an exported view (`fileName` is its display name, for the message); returns its name. */
export async function importView(ws: Workspace, text: string, fileName: string): Promise<string> {
  const file = readViewFile(text, fileName)
  await saveView(ws, file.name, file.spec)
  return file.name
}

/** Saves a copy of a view under a new name; refuses a name already taken. */
export async function duplicateView(ws: Workspace, from: string, to: string): Promise<void> {
  const target = checkName(to)
  const view = await getView(ws, from)
  const [taken] = await ws.all('SELECT 1 AS x FROM saved_views WHERE name = $1', [target])
  if (taken) fail('BAD_REQUEST', `A view named ${target} exists; choose another name.`)
  await saveView(ws, target, view.spec)
}
