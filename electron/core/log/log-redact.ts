/**
 * Error texts reduced for the local log: a message may quote a path, a cell or a value
 * ("Row 12, column BilledCost: '12.5x' is not a number"), and the log must hold no client
 * data. Paths become their file name; quoted text and numbers with more than two digits are
 * replaced, so a code, a row number and the words remain.
 */

const QUOTED = /(["'`])(?:(?!\1).){0,400}\1/g
const PATH = /(?:[A-Za-z]:)?(?:[\\/][^\\/\s"'`]+)+[\\/]([^\\/\s"'`]+)/g
const LONG_NUMBER = /[-+]?\d[\d,]*\.\d+|\d{3,}/g

/** `text` with paths cut to their file name and quoted values and amounts replaced by "…". */
export function redactLogText(text: string): string {
  return text.slice(0, 2000).replace(PATH, '$1').replace(QUOTED, '…').replace(LONG_NUMBER, '…')
}
