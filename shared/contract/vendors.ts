/**
 * The vendor register across the boundary (electron/core/vendors): the vendors the data names
 * (provider, publisher, invoice issuer) with their cost per billing period and currency, the
 * vendors and contracts entered by hand, the renewals due and the overlaps by category.
 */
import { z } from '../zod'
import { DecimalString } from './models'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const text = (max: number) => z.string().trim().max(max)

/** What a person enters for a vendor or contract; empty optional fields are null. */
export const VendorInputSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    category: text(64).nullable(),
    owner: text(128).nullable(),
    contractStart: isoDate.nullable(),
    contractEnd: isoDate.nullable(),
    renewalDate: isoDate.nullable(),
    /** Days before the renewal date by which notice must be given. */
    noticeDays: z.number().int().min(0).max(3650).nullable(),
    dataHeld: text(1000).nullable(),
    exitPlan: text(2000).nullable(),
    /** The contract's value per year, exact decimal text, in `currency`. */
    annualValue: z
      .string()
      .regex(/^\d{1,20}(\.\d{1,18})?$/, 'a decimal of zero or more')
      .nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals')
      .nullable(),
  })
  .strict()
/** A vendor as entered. */
export type VendorInput = z.infer<typeof VendorInputSchema>

/** A vendor with only its name to fill in: every other field empty. */
export const EMPTY_VENDOR: VendorInput = {
  name: '',
  category: null,
  owner: null,
  contractStart: null,
  contractEnd: null,
  renewalDate: null,
  noticeDays: null,
  dataHeld: null,
  exitPlan: null,
  annualValue: null,
  currency: null,
}

/** A vendor or contract stored: what was entered, its id, who saved it last and when. */
export const VendorEntrySchema = VendorInputSchema.extend({
  id: z.number().int(),
  updatedAt: z.string(),
  actor: z.string(),
  /** The name the data knows this vendor by (matched case-insensitively), or null. */
  dataName: z.string().nullable(),
})
/** A stored vendor. */
export type VendorEntry = z.infer<typeof VendorEntrySchema>

/** The roles a vendor name has in FOCUS data. */
export const VendorRoleSchema = z.enum(['provider', 'publisher', 'invoiceIssuer'])
/** A vendor role. */
export type VendorRole = z.infer<typeof VendorRoleSchema>

/** The register as of a date. */
export const VendorRegisterSchema = z.object({
  asOf: z.string(),
  entries: z.array(VendorEntrySchema),
  /** Per data vendor name, role, billing period (YYYY-MM) and currency: BilledCost and EffectiveCost. */
  costs: z.array(
    z.object({
      name: z.string(),
      role: VendorRoleSchema,
      period: z.string(),
      currency: z.string(),
      rows: z.number().int(),
      billedCost: DecimalString,
      effectiveCost: DecimalString,
    }),
  ),
  /** Contracts renewing within the window (as of asOf, both ends included), soonest first. */
  renewals: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      renewalDate: z.string(),
      /** renewal − notice period; null when no notice period is entered. */
      noticeDeadline: z.string().nullable(),
      daysToRenewal: z.number().int(),
      /** The notice deadline is before asOf: the contract renews unless already given notice. */
      noticePassed: z.boolean(),
    }),
  ),
  /** Categories with two or more vendors entered. */
  overlaps: z.array(z.object({ category: z.string(), vendors: z.array(z.string()) })),
  windowDays: z.number().int(),
})
/** The vendor register. */
export type VendorRegister = z.infer<typeof VendorRegisterSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const VENDOR_CHANNELS = {
  'vendors:list': {
    request: z.object({ asOf: isoDate.optional() }).strict(),
    response: VendorRegisterSchema,
  },
  'vendors:save': {
    request: z
      .object({ id: z.number().int().positive().optional(), vendor: VendorInputSchema })
      .strict(),
    response: VendorEntrySchema,
  },
  'vendors:delete': {
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: z.object({ deleted: z.literal(true), name: z.string() }),
  },
} as const
