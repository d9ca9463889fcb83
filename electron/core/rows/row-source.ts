/**
 * "Show in source" (issue 9): the original line of a stored row, read from the file the user
 * has at hand. The file is recognized by the import's SHA-256, never by its name, so a renamed
 * or moved copy works and a changed file does not pass for the original.
 */
import type { RowKey, RowSource } from '../../../shared/contract/rows'
import { detectFileKind } from '../ingest/file-kind'
import { readImport } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import { csvFields, csvRecord, jsonLine } from './source-line'
import type { SourceLinks } from './source-links'
import { parquetRow } from './parquet-row'
import { archiveMember, withArchiveMember } from './archive-source'
import { withEmbeddedSource } from '../sources/embedded-source'

/** The source line of `key`, looking in the session's folders (plus `folder`, when given). */
export async function rowSource(
  ws: Workspace,
  key: RowKey,
  links: SourceLinks,
  folder?: string,
): Promise<RowSource> {
  if (folder !== undefined) links.addFolder(folder)
  const record = await readImport(ws, key.importId).catch(() => null)
  if (!record)
    return notFound(
      `Import ${key.importId}`,
      `There is no import ${key.importId} in this workspace.`,
    )
  const fileName = record.fileName
  const member = archiveMember(fileName)
  if (member) {
    const read = (path: string): Promise<RowSource> => readRow(ws, path, fileName, key.sourceRow)
    const found = await withArchiveMember(ws, key.importId, member, record.sha256, links, read)
    return (
      found ??
      (await fromEmbedded(ws, key, record.sha256, fileName)) ??
      notFound(
        fileName,
        `The archive ${member.archive} that held ${member.inner} is not at hand (or no longer holds it as imported): choose the folder that holds it.`,
      )
    )
  }
  const path = await links.find(record.sha256, record.sizeBytes)
  if (path === null)
    return (
      (await fromEmbedded(ws, key, record.sha256, fileName)) ??
      notFound(
        fileName,
        `The source file ${fileName} (SHA-256 ${record.sha256.slice(0, 12)}…) is not at hand: choose the folder that holds it.`,
      )
    )
  return readRow(ws, path, fileName, key.sourceRow)
}

/** Data row `row` of the file at `path` (the one imported as `fileName`). */
async function readRow(
  ws: Workspace,
  path: string,
  fileName: string,
  row: number,
): Promise<RowSource> {
  const kind = await detectFileKind(path)
  if (kind === 'parquet') {
    const fields = await parquetRow(ws, path, row)
    if (fields === null) return missingRow(fileName, row)
    return {
      found: true,
      fileName,
      kind,
      header: null,
      line: JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, f.value]))),
      fields,
    }
  }
  if (kind === 'jsonl') {
    const line = await jsonLine(path, row)
    if (line === null) return missingRow(fileName, row)
    return {
      found: true,
      fileName,
      kind,
      header: null,
      line: line.line,
      fields: jsonFields(line.line),
    }
  }
  if (kind === 'csv' || kind === 'csv.gz') {
    const line = await csvRecord(path, kind === 'csv.gz', row)
    if (line === null) return missingRow(fileName, row)
    return {
      found: true,
      fileName,
      kind,
      header: line.header,
      line: line.line,
      fields: csvFields(line),
    }
  }
  return notFound(
    fileName,
    `${fileName} is a ${kind} file; Focal shows source lines of CSV, CSV.gz, Parquet and JSON-lines files.`,
  )
}

/**
 * The row from the copy embedded in the workspace (core/sources), when there is one: null
 * when the import's source was not embedded, so the caller asks for the folder.
 */
async function fromEmbedded(
  ws: Workspace,
  key: RowKey,
  sha256: string,
  fileName: string,
): Promise<RowSource | null> {
  const read = (path: string): Promise<RowSource> => readRow(ws, path, fileName, key.sourceRow)
  const result = await withEmbeddedSource(ws, key.importId, sha256, read)
  if (result.status === 'none') return null
  if (result.status === 'damaged')
    return notFound(
      fileName,
      `The copy of ${fileName} embedded in the workspace does not match its SHA-256 (${sha256.slice(0, 12)}…): it is damaged. Choose the folder that holds the original file.`,
    )
  return result.value
}

function notFound(fileName: string, message: string): RowSource {
  return { found: false, fileName, message }
}

function missingRow(fileName: string, row: number): RowSource {
  return notFound(
    fileName,
    `${fileName} has no data row ${row}, though its SHA-256 matches: report this to the Focal team.`,
  )
}

function jsonFields(line: string): Array<{ name: string; value: string | null }> {
  const parsed: unknown = JSON.parse(line)
  if (parsed === null || typeof parsed !== 'object') return []
  return Object.entries(parsed).map(([name, value]) => ({
    name,
    value: value === null ? null : typeof value === 'string' ? value : JSON.stringify(value),
  }))
}
