/**
 * A file a person uploads across the boundary: its display name and text, never a path
 * (CONVENTIONS.md #4). Each upload channel sets its own size limit for the text.
 */
import { z } from '../zod'

/** The fields of an uploaded file: a display name that is not a path, and at most `maxChars` of text. */
export function uploadFields(maxChars: number): {
  fileName: z.ZodString
  text: z.ZodString
} {
  return {
    fileName: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^/\\]+$/, 'a file name, not a path'),
    text: z.string().max(maxChars),
  }
}
