/** Offers a text as a file download; no path crosses to the host (CONVENTIONS.md #4). */

/** Downloads `text` as `fileName` (JSON). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
