/**
 * Embedded sources over the contract (issue 11, "Portable and versioned"): whether the open
 * workspace stores each imported file in itself, compressed, so "Show in source" works on
 * another machine, and how many files it holds. A workspace setting, off by default.
 */
import { z } from '../zod'

/** The setting and what is embedded already. */
export const SourcesStateSchema = z
  .object({
    /** Whether each new import stores its file in the workspace. */
    embedSources: z.boolean(),
    /** Imports whose file is inside the workspace. */
    files: z.number().int().nonnegative(),
    /** The compressed bytes those files take. */
    bytes: z.number().int().nonnegative(),
  })
  .strict()
/** The embedded sources state of the open workspace. */
export type SourcesState = z.infer<typeof SourcesStateSchema>

/** Turns embedding on or off for later imports. */
export const SourcesSetSchema = z.object({ embedSources: z.boolean() }).strict()
/** A request to change the setting. */
export type SourcesSetRequest = z.infer<typeof SourcesSetSchema>

/** The embedded sources channels. */
export const SOURCES_CHANNELS = {
  'sources:get': { request: z.object({}).strict(), response: SourcesStateSchema },
  'sources:set': { request: SourcesSetSchema, response: SourcesStateSchema },
} as const
