/** Column mappings across the boundary: a file's columns and samples, a live preview, saved mappings. */
import { UserMappingSchema } from '../formats/user-mapping'
import { z } from '../zod'

/** A saved mapping's name (the name a mapping file carries). */
export const MappingName = z.string().trim().min(1).max(80)

/** A known format a file comes close to, and what it lacks (shared/formats/detect.ts). */
export const NearFormatSchema = z.object({
  id: z.string(),
  title: z.string(),
  lacks: z.array(z.string()),
})

/** A CSV's header and its first rows as written, to make a mapping for it. */
export const MappingSampleSchema = z.object({
  fileName: z.string(),
  header: z.array(z.string()),
  /** Up to 20 data rows, each field as written. */
  samples: z.array(z.array(z.string())),
  closest: z.array(NearFormatSchema),
})
/** A CSV's header and first rows. */
export type MappingSample = z.infer<typeof MappingSampleSchema>

/** The first rows mapped as the mapping says, each cell with the error the import would report. */
export const MappingPreviewSchema = z.object({
  /** What is wrong with the mapping itself, field by field (user-mapping-check.ts). */
  problems: z.array(z.string()),
  /** The FOCUS (and x_) columns the mapping fills, in the order of `values`. */
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      /** The data row of the file (1 = the first after the header). */
      row: z.number().int(),
      values: z.array(z.string().nullable()),
      errors: z.array(z.string().nullable()),
    }),
  ),
})
/** A live preview of a mapping. */
export type MappingPreview = z.infer<typeof MappingPreviewSchema>

/** A mapping saved in the workspace. */
export const SavedMappingSchema = z.object({
  name: z.string(),
  sha256: z.string(),
  savedAt: z.string(),
  mapping: UserMappingSchema,
})
/** A saved mapping. */
export type SavedMapping = z.infer<typeof SavedMappingSchema>

/** A mapping as the file `focal mappings export` writes, for the UI to offer as a download. */
export const MappingFileSchema = z.object({ fileName: z.string(), text: z.string() })
/** A mapping's file name and text. */
export type MappingFile = z.infer<typeof MappingFileSchema>

/**
 * The column mapping an import was read with, exactly as it was then (import_mappings): a later
 * save under its name changes nothing here. `file` is its canonical text, to export.
 */
export const ImportMappingSchema = z.object({
  importId: z.number().int(),
  name: z.string(),
  sha256: z.string(),
  mapping: UserMappingSchema,
  file: MappingFileSchema,
})
/** The mapping an import was read with. */
export type ImportMapping = z.infer<typeof ImportMappingSchema>
