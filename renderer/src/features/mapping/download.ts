/** Offers a text as a file download; no path crosses to the host (CONVENTIONS.md #4). */

/** Downloads `text` as `fileName` (JSON). */
export function downloadText(fileName: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: 'application/json' }))
}

/** Downloads `blob` as `fileName` through an <a download>, as the web host and the app both save it. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
