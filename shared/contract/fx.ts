/**
 * Exchange rates across the boundary (electron/core/fx): a rates CSV uploaded as its name
 * and text (never a path), the result of an import, and the rates files and rates in force.
 */
import { z } from '../zod'
import { DecimalString } from './models'
import { uploadFields } from './upload'

/** What `fx:import` takes: an uploaded rates CSV's display name and text. */
export const FxImportRequestSchema = z.object(uploadFields(8 * 1024 * 1024)).strict()
/** A rates file upload. */
export type FxImportRequest = z.infer<typeof FxImportRequestSchema>

/** What an import did: imported, or the same file was already imported. */
export const FxImportResultSchema = z.object({
  status: z.enum(['imported', 'already-imported']),
  importId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  rates: z.number().int(),
  restated: z.number().int(),
})
/** An import's result. */
export type FxImportResult = z.infer<typeof FxImportResultSchema>

/** The rates files imported and the rates in force (a later file's rate for a pair and date wins). */
export const FxListSchema = z.object({
  imports: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      sha256: z.string(),
      rates: z.number().int(),
      importedAt: z.string(),
      actor: z.string(),
    }),
  ),
  rates: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      grain: z.enum(['day', 'month']),
      on: z.string(),
      rate: DecimalString,
      source: z.string(),
      importId: z.number().int(),
    }),
  ),
})
/** Rates files and rates. */
export type FxList = z.infer<typeof FxListSchema>
