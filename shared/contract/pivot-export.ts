/**
 * The pivot table exported as shown (issue 9, Pivot): the screen sends the spec and a format
 * and receives a file name and the file's bytes as base64 (it travels as JSON over IPC and the
 * web host alike), which the page offers as a download. No path crosses either way.
 */
import { z } from '../zod'
import { PivotSpecSchema } from '../pivot'

/** A request: the pivot to export and the file format. */
export const PivotExportRequestSchema = z
  .object({ spec: PivotSpecSchema, format: z.enum(['csv', 'xlsx']) })
  .strict()

/** The exported file: a name without a folder, its media type and its bytes in base64. */
export const PivotExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
})
/** An exported pivot file as the screen receives it. */
export type PivotExportFileData = z.infer<typeof PivotExportFileSchema>
