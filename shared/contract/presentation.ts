/**
 * Presentation mode over the contract (issue 11, Privacy): whether the open workspace shows
 * account ids and names, resource ids and names and tag values as stable aliases, and the
 * sentence every screen states while it does. A session setting: it is off when a workspace opens.
 */
import { z } from '../zod'

/** The mode as the screens read it. */
export const PresentationStateSchema = z
  .object({
    on: z.boolean(),
    /** Tag keys whose values are masked; null masks every tag value. */
    tagKeys: z.array(z.string()).max(50).nullable(),
    /** "Masked: …" while on, for the badge and every export; null when off. */
    notice: z.string().nullable(),
  })
  .strict()
/** The presentation mode of the open workspace. */
export type PresentationState = z.infer<typeof PresentationStateSchema>

/** Switches the mode; `tagKeys` lists the tag keys to mask (absent or null: every one). */
export const PresentationSetSchema = z
  .object({
    on: z.boolean(),
    tagKeys: z.array(z.string().min(1).max(128)).max(50).nullable().optional(),
  })
  .strict()
/** A request to switch presentation mode. */
export type PresentationSetRequest = z.infer<typeof PresentationSetSchema>

/** The presentation mode channels. */
export const PRESENTATION_CHANNELS = {
  'presentation:get': { request: z.object({}).strict(), response: PresentationStateSchema },
  'presentation:set': { request: PresentationSetSchema, response: PresentationStateSchema },
} as const
