/**
 * Saves an exported pivot (pivot:export) in the page: the core sends the file's bytes as base64,
 * the page offers them as a download, so no path crosses to the host (CONVENTIONS.md #4).
 */
import type { PivotExportFileData } from '../../../../shared/contract'

/** The file's bytes, decoded from base64. */
export function exportBytes(file: PivotExportFileData): Uint8Array<ArrayBuffer> {
  const text = atob(file.base64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

/** Offers `file` as a download under its own name. */
export function downloadExport(file: PivotExportFileData): void {
  const blob = new Blob([exportBytes(file)], { type: file.mediaType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
