/**
 * Puts text on the clipboard: navigator.clipboard.writeText, and where the host refuses it (the
 * desktop app denies every permission request, Electron security checklist #5) a copy event
 * under the same click or key press, which needs no permission and reads nothing back.
 */

/** Writes `text` to the clipboard; rejects when neither way is allowed. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch (cause) {
    if (!copyByEvent(text)) throw cause
  }
}

function copyByEvent(text: string): boolean {
  let written = false
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/plain', text)
    event.preventDefault()
    written = event.clipboardData !== null
  }
  document.addEventListener('copy', onCopy)
  try {
    // Deprecated, yet still the one way to write without the clipboard permission.
    document.execCommand('copy')
  } finally {
    document.removeEventListener('copy', onCopy)
  }
  return written
}
