/** Saved views across the boundary (electron/core/views): a name and the pivot spec it keeps. */
import { PivotSpecSchema } from '../pivot'
import { z } from '../zod'
import { uploadFields } from './upload'

/** A saved view's name, as the CLI checks it (saved-views.ts). */
export const ViewName = z.string().trim().min(1).max(200)

/** A saved view as listed. */
export const SavedViewSchema = z.object({
  name: z.string(),
  spec: PivotSpecSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
})
/** A saved view. */
export type SavedViewInfo = z.infer<typeof SavedViewSchema>

/** Save the current pivot under a name; a taken name is refused unless `replace` (the UI asks first). */
export const ViewSaveRequestSchema = z
  .object({ name: ViewName, spec: PivotSpecSchema, replace: z.boolean().optional() })
  .strict()

/**
 * An uploaded view file: its text and display name only, never a path (CONVENTIONS.md #4).
 * A view file is a few kilobytes; 256 KiB leaves room and keeps a stray upload out.
 */
export const ViewImportRequestSchema = z
  .object({ ...uploadFields(256 * 1024), replace: z.boolean().optional() })
  .strict()

/** A view as the file `focal view export` writes, for the UI to offer as a download. */
export const ViewFileDownloadSchema = z.object({ fileName: z.string(), text: z.string() })
/** A view's file name and text. */
export type ViewFileDownload = z.infer<typeof ViewFileDownloadSchema>
