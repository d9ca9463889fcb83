/**
 * Turns a report request from the UI into what the pack code takes: the
 * lines source (a column or tag, or the saved allocation rules) checked
 * before any work, so a missing saved version is a sentence about the
 * Allocate screen rather than about the CLI.
 */
import { fail, type ReportSource } from '../../../shared/contract'
import { parseDimension } from '../../../shared/pivot'
import { latestRuleVersion } from '../allocate/store'
import type { Workspace } from '../workspace/workspace'
import { allocationLinesSource } from './allocation-source'
import { dimensionLinesSource, type LinesSource } from './lines-source'

/** The lines source of a request's `source`. */
export function linesSourceOf(source: ReportSource): LinesSource {
  if ('by' in source) return dimensionLinesSource(parseDimension(source.by))
  const lines = allocationLinesSource({ dimension: source.dimension })
  const checked: LinesSource = (ws, period, metric) => lines(ws, period, metric)
  checked.check = async (ws: Workspace) => {
    if (!(await latestRuleVersion(ws)))
      fail('NOT_FOUND', 'This workspace has no saved allocation rules.', {
        hint: 'Save a version of the rules on the Allocate screen, or report by a column or tag.',
      })
  }
  return checked
}
