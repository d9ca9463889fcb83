/**
 * "Explain this number" for report figures (shared/contract/explain.ts, core/evidence): the
 * chain of a cost center's figure in a recorded pack or the Reports preview, and its
 * evidence bundle as a file the screen downloads.
 */
import type { FocalApi } from '../../shared/contract'
import type { EXPLAIN_CHANNELS } from '../../shared/contract/explain'
import { reportFigureBundle } from './evidence/report-bundle'
import { explainReportFigure } from './evidence/report-figure'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type ExplainChannel = keyof typeof EXPLAIN_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createExplainServices(workspace: () => Workspace): Pick<FocalApi, ExplainChannel> {
  return {
    'explain:figure': async (request) => explainReportFigure(workspace(), request),
    'explain:evidence': async (request) => {
      const bundle = await reportFigureBundle(workspace(), request, new Date())
      return {
        fileName: bundle.fileName,
        mediaType: 'application/zip',
        base64: Buffer.from(bundle.bytes).toString('base64'),
        lines: bundle.rows,
      }
    },
  }
}
