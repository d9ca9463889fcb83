/**
 * Checks CSV text as it streams past, chunk by chunk, for bytes no row can
 * hold: a NUL byte, or a line longer than DuckDB reads. DuckDB drops a final
 * line of 32 MB or more without a word (a NUL-filled or garbage tail), so such
 * bytes would otherwise be silently left out of an import.
 */

/** DuckDB's read_csv max_line_size: a longer line is never a row Focal can import. */
export const MAX_LINE_BYTES = 2_000_000

/** Where CSV text stops being rows, as a byte offset into the text. */
export type TextFinding =
  { kind: 'nul'; textOffset: number } | { kind: 'long-line'; textOffset: number }

const LF = 0x0a
const CR = 0x0d

/**
 * Feeds on chunks of text no longer than MAX_LINE_BYTES, so a line that fits
 * inside one chunk is short enough and only the line broken across chunk
 * edges needs measuring: a few native searches per chunk, not one per line.
 */
export class TextCheck {
  private offset = 0
  private lineStart = 0
  /** Set at the first finding: the file is refused, so nothing after it matters. */
  private found = false

  constructor(private readonly onFinding: (found: TextFinding) => void) {}

  /** Checks the next chunk of text. */
  push(text: Buffer): void {
    if (this.found) return
    const nul = text.indexOf(0)
    if (nul >= 0) this.report({ kind: 'nul', textOffset: this.offset + nul })
    const first = firstBreak(text)
    this.measure(first < 0 ? this.offset + text.length : this.offset + first)
    if (first >= 0)
      this.lineStart = this.offset + Math.max(text.lastIndexOf(LF), text.lastIndexOf(CR)) + 1
    this.offset += text.length
  }

  /** Checks the last line, once all text has been pushed. */
  end(): void {
    if (!this.found) this.measure(this.offset)
  }

  private report(finding: TextFinding): void {
    if (this.found) return
    this.found = true
    this.onFinding(finding)
  }

  private measure(lineEnd: number): void {
    // Reported as soon as the line is too long, not when it ends: it may run to the end of the file.
    if (lineEnd - this.lineStart > MAX_LINE_BYTES)
      this.report({ kind: 'long-line', textOffset: this.lineStart })
  }
}

/** Index of the first line break (LF or a lone CR, as old Mac exports use) in `text`, or -1. */
function firstBreak(text: Buffer): number {
  const lf = text.indexOf(LF)
  const cr = text.indexOf(CR)
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr)
}
