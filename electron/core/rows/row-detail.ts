/** One stored row whole: every column as stored, its tags, and its provenance (contract/rows.ts). */
import { fail } from '../../../shared/contract'
import type { RowDetail, RowKey } from '../../../shared/contract/rows'
import { normalizeDecimal } from '../../../shared/money'
import { rowValueSql } from '../../../shared/sql/rows-sql'
import { readImport } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import { fixMeaning } from './fix-meanings'
import { focusColumns } from './rows-page'

/**
 * The row `key` names. Read from cost_rows, not the focus view, so a row a later import
 * superseded still shows (its provenance says by which import).
 */
export async function rowDetail(ws: Workspace, key: RowKey): Promise<RowDetail> {
  const connection = await ws.reader()
  try {
    const columns = await focusColumns(ws, connection)
    const rows = await ws.all(
      `SELECT ${columns.map((c) => rowValueSql(c.name)).join(', ')},
        array_to_string(x_FixCodes, ',') AS "fix codes", count(*) OVER () AS "matches"
       FROM cost_rows WHERE x_ImportId = $1 AND x_SourceRow = $2 LIMIT 1`,
      [key.importId, key.sourceRow],
      connection,
    )
    const row = rows[0]
    if (!row)
      fail(
        'NOT_FOUND',
        `Import ${key.importId} has no row ${key.sourceRow}: list the rows again and pick one.`,
      )
    const text = (name: string): string | null => (row[name] == null ? null : String(row[name]))
    const record = await readImport(ws, key.importId)
    const codes = (text('fix codes') ?? '').split(',').filter((c) => c !== '')
    return {
      key,
      values: columns.map(({ name, decimal }) => {
        const value = text(name)
        return { column: name, value: value !== null && decimal ? normalizeDecimal(value) : value }
      }),
      tags: parseTags(text('Tags')),
      provenance: {
        importId: record.id,
        fileName: record.fileName,
        sha256: record.sha256,
        sizeBytes: record.sizeBytes,
        format: record.format,
        importedAt: record.finishedAt ?? record.startedAt,
        status: record.status,
        supersededBy: record.supersededBy,
        sourceFile: text('x_SourceFile') ?? record.fileName,
        sourceRow: Number(text('x_SourceRow')),
        sourceFormat: text('x_SourceFormat') ?? record.format,
        fixes: codes.map((code) => ({ code, meaning: fixMeaning(code) })),
      },
      matches: Number(row.matches),
    }
  } finally {
    connection.closeSync()
  }
}

/** The Tags JSON as an object; null when there are none or they are not a JSON object. */
function parseTags(text: string | null): Record<string, unknown> | null {
  if (text === null) return null
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
