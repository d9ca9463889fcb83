/** The FOCUS Contract Commitment dataset as the UI and the CLI read it (electron/core/commitments). */
import { z } from '../zod'
import { DecimalString } from './models'

/** One counted contract commitment (FOCUS 1.3+ Contract Commitment dataset), dates as ISO UTC timestamps. */
export const ContractCommitmentSchema = z.object({
  /** ContractCommitmentId. */
  id: z.string(),
  contractId: z.string().nullable(),
  /** ContractCommitmentCategory: Spend or Usage. */
  category: z.string().nullable(),
  /** ContractCommitmentType, as the provider names it (Savings Plan, Reservation, …). */
  type: z.string().nullable(),
  description: z.string().nullable(),
  /** ContractCommitmentPeriodStart and ContractCommitmentPeriodEnd (end exclusive). */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** ContractCommitmentCost in `currency` (BillingCurrency). */
  cost: DecimalString.nullable(),
  currency: z.string().nullable(),
  /** ContractCommitmentQuantity in ContractCommitmentUnit. */
  quantity: DecimalString.nullable(),
  unit: z.string().nullable(),
  /** The import the row came from, and its file's display name. */
  importId: z.number().int(),
  fileName: z.string(),
})
/** A contract commitment. */
export type ContractCommitment = z.infer<typeof ContractCommitmentSchema>

/** Every counted commitment (superseded ones left out), and their count and cost per currency. */
export const CommitmentListSchema = z.object({
  commitments: z.array(ContractCommitmentSchema),
  totals: z.array(
    z.object({
      currency: z.string().nullable(),
      commitments: z.number().int(),
      cost: DecimalString,
    }),
  ),
})
/** The commitments of a workspace. */
export type CommitmentList = z.infer<typeof CommitmentListSchema>
