/**
 * `--mask` of the commands that print or export cost rows (pivot, rows, row, report): the
 * command reads the workspace in presentation mode (electron/core/presentation), so account
 * ids and names, resource ids and names and tag values come out as the app's stable aliases,
 * and stderr states it. `--mask-tags k1,k2` masks only those tags' values.
 */
import { maskedNotice, setPresentation } from '../core/presentation/presentation-mode'
import type { Workspace } from '../core/workspace/workspace'

/** The options, spread into a command's parseArgs options. */
export const MASK_OPTIONS = {
  mask: { type: 'boolean', default: false },
  'mask-tags': { type: 'string' },
} as const

/** The help line of the options. */
export const MASK_HELP = `--mask shows account ids and names, resource and commitment ids and names and tag
      values as the stable aliases of the app's presentation mode (--mask-tags k1,k2: only those tags'
      values); exports state it in their header. A workspace read-only here must have been
      presented once before (in the app, or by focal report --mask).`

/** Switches `ws` to presentation mode when asked; says so on stderr. */
export async function applyMask(
  ws: Workspace,
  values: { mask?: boolean; 'mask-tags'?: string },
): Promise<void> {
  if (!values.mask && values['mask-tags'] === undefined) return
  const keys = values['mask-tags']
    ?.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
  await setPresentation(ws, { on: true, tagKeys: keys?.length ? keys : null })
  console.error(maskedNotice(ws))
}
