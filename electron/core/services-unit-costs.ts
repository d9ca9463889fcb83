/** The handlers of UNIT_COST_CHANNELS (shared/contract/unit-costs.ts). */
import type { FocalApi } from '../../shared/contract'
import type { UNIT_COST_CHANNELS } from '../../shared/contract/unit-costs'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type UnitCostChannel = keyof typeof UNIT_COST_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createUnitCostServices(
  _workspace: () => Workspace,
): Pick<FocalApi, UnitCostChannel> {
  return {}
}
