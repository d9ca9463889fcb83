/**
 * The audit trail screen's channels (electron/core/audit): the log filtered and paged, the
 * chain and the stored imports and closes verified, and the filtered log exported as CSV or
 * PDF. Entries' details travel as their JSON text; a file travels as name and base64 bytes.
 */
import { z } from '../zod'

const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)

/** Which entries: UTC days (both included), an action or its prefix, and words in any field. */
export const AuditFilterSchema = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    kind: z.string().min(1).max(64).optional(),
    text: z.string().min(1).max(200).optional(),
  })
  .strict()
/** A filter of the audit log. */
export type AuditFilterRequest = z.infer<typeof AuditFilterSchema>

/** One entry as the screen shows it. */
export const AuditEntryViewSchema = z.object({
  seq: z.number().int().nullable(),
  loggedAt: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  /** The details as JSON text (null when the entry has none). */
  details: z.string().nullable(),
})
/** An audit entry on the screen. */
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>

/** A page of the filtered log, newest first, with the count and every action in the log. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntryViewSchema),
  total: z.number().int(),
  offset: z.number().int(),
  actions: z.array(z.string()),
})
/** A page of the audit log. */
export type AuditPage = z.infer<typeof AuditPageSchema>

const Mismatch = z.object({
  seq: z.number().int().nullable(),
  what: z.string(),
  field: z.string(),
  expected: z.string(),
  found: z.string(),
})

/** What `focal audit verify` reports, as the screen shows it. */
export const AuditVerificationViewSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  break: z
    .object({
      seq: z.number().int().nullable(),
      field: z.string(),
      expected: z.string(),
      found: z.string(),
      message: z.string(),
    })
    .nullable(),
  /** Entries logged before the chain existed, chained at an upgrade: proven only since then. */
  chainStart: z
    .object({ upgradeSeq: z.number().int(), through: z.number().int(), at: z.string() })
    .nullable(),
  importsChecked: z.number().int(),
  closesChecked: z.number().int(),
  mismatches: z.array(Mismatch),
})
/** The audit verification on the screen. */
export type AuditVerificationView = z.infer<typeof AuditVerificationViewSchema>

/** The exported log: a file name without a folder, its media type and bytes in base64. */
export const AuditExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
})

/** The audit trail's channels (spread into CHANNELS). */
export const AUDIT_CHANNELS = {
  'audit:log': {
    request: AuditFilterSchema.extend({
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(500),
    }).strict(),
    response: AuditPageSchema,
  },
  'audit:verify': { request: z.object({}).strict(), response: AuditVerificationViewSchema },
  'audit:export': {
    request: AuditFilterSchema.extend({ format: z.enum(['csv', 'pdf']) }).strict(),
    response: AuditExportFileSchema,
  },
} as const
