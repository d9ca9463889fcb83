/**
 * The unit economics channels of the core services (electron/core/unit-costs): the metrics
 * stored, a metrics CSV uploaded as its name and text (never a path; the SHA-256 is of the
 * text's UTF-8 bytes, as `focal metrics import` hashes the file), and a cost per unit.
 */
import { createHash } from 'node:crypto'
import type { FocalApi } from '../../shared/contract'
import type { UNIT_COST_CHANNELS } from '../../shared/contract/unit-costs'
import { importMetrics, listMetrics } from './unit-costs/metrics'
import { allocationTargets } from './unit-costs/target-cost'
import { unitCostSeries } from './unit-costs/unit-cost'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type UnitCostChannel = keyof typeof UNIT_COST_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createUnitCostServices(
  workspace: () => Workspace,
): Pick<FocalApi, UnitCostChannel> {
  return {
    'metrics:list': async () => listMetrics(workspace()),
    'metrics:import': async ({ fileName, text }) => {
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex')
      return importMetrics(workspace(), text, fileName, sha256)
    },
    'unitCosts:run': async (request) => unitCostSeries(workspace(), request),
    'unitCosts:targets': async () => allocationTargets(workspace()),
  }
}
