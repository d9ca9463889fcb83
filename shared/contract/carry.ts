/**
 * Carrying workspaces (issue 11): Save As, the Recent list, where a workspace's file is, and
 * the diagnostics export. Names travel, never paths: the core puts every workspace in its
 * workspaces folder, and only the desktop host's main process touches the file manager.
 */
import { z } from '../zod'
import { WorkspaceInfoSchema, WorkspaceName } from './models'

/** One workspace of the Recent list: when it was last opened (UTC) and its size, or missing. */
export const RecentWorkspaceSchema = z.object({
  name: z.string(),
  openedAt: z.string(),
  sizeBytes: z.number().nullable(),
  missing: z.boolean(),
})
/** A Recent list entry. */
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>

/** A file handed to the page: its name without a folder, media type and bytes in base64. */
export const CarryFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
})

const Named = z.object({ name: WorkspaceName }).strict()

/** The channels of carrying workspaces (spread into CHANNELS). */
export const CARRY_CHANNELS = {
  'workspace:saveAs': { request: Named, response: WorkspaceInfoSchema },
  'workspace:recent': {
    request: z.object({}).strict(),
    response: z.array(RecentWorkspaceSchema).max(10),
  },
  'workspace:forgetRecent': { request: Named, response: z.array(RecentWorkspaceSchema).max(10) },
  /** Where the workspace's file is, as text (the person's own machine). */
  'workspace:location': {
    request: Named,
    response: z.object({ folder: z.string(), fileName: z.string() }),
  },
  'app:diagnostics': { request: z.object({}).strict(), response: CarryFileSchema },
} as const
