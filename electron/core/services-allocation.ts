/**
 * The allocation channels of the core services: billing periods, saved rule
 * versions, the bundled example, the live preview of a candidate rule set,
 * and saving it as a new version. Candidate rules arrive as plain JSON and
 * are validated here with the allocation schema, so an error names the
 * dimension, rule and field to fix (details.problems lists every problem).
 */
import { parseRuleSet } from '../../shared/allocate/parse-rules'
import type { AllocationPreview, FocalApi } from '../../shared/contract'
import { listPeriods } from './allocate/allocate'
import { loadExample } from './allocate/example'
import { UNALLOCATED } from './allocate/lines'
import { previewAllocation, type AllocationPreview as CorePreview } from './allocate/preview'
import { latestRuleVersion, listRuleVersions, saveRuleVersion } from './allocate/store'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type AllocationChannel =
  | 'allocation:periods'
  | 'allocation:get'
  | 'allocation:example'
  | 'allocation:preview'
  | 'allocation:save'

/** What the allocation handlers need from the services. */
export interface AllocationContext {
  /** The open workspace; fails NO_WORKSPACE when none is. */
  workspace(): Workspace
  /** The bundled examples folder, or null when the host ships none. */
  examplesDir: string | null
}

/** Creates the allocation handlers. */
export function createAllocationServices(
  context: AllocationContext,
): Pick<FocalApi, AllocationChannel> {
  return {
    'allocation:periods': async () => listPeriods(context.workspace()),
    'allocation:get': async () => {
      const ws = context.workspace()
      const latest = await latestRuleVersion(ws)
      return { latest, versions: await listRuleVersions(ws) }
    },
    'allocation:example': async () => loadExample(context.workspace(), context.examplesDir),
    'allocation:preview': async ({ ruleSet, period, metric, dimension }) => {
      const rules = parseRuleSet(ruleSet, 'The rules')
      const preview = await previewAllocation(context.workspace(), {
        ruleSet: rules,
        period,
        metric,
        dimension,
      })
      return toPreview(preview, rules.coverageTarget)
    },
    'allocation:save': async ({ ruleSet, note }) => {
      const rules = parseRuleSet(ruleSet, 'The rules')
      const saved = await saveRuleVersion(context.workspace(), rules, note.trim())
      const message = saved.created
        ? `Saved as version ${saved.version}.`
        : `Unchanged: the rules equal version ${saved.version}; nothing was saved.`
      return { ...saved, message }
    },
  }
}

/** The engine's preview as the contract's value: before → after joined with direct/shared per target. */
export function toPreview(preview: CorePreview, coverageTarget: number): AllocationPreview {
  const { after } = preview
  const summary = new Map(after.summary.map((s) => [`${s.currency}\u0000${s.target}`, s]))
  return {
    period: after.period,
    metric: after.metric,
    dimension: after.dimension,
    ruleVersion: after.ruleVersion,
    beforeVersion: preview.beforeVersion,
    scale: after.scale,
    coverageTarget,
    coverageMet: after.coverage.meetsTarget,
    targets: preview.rows.map((row) => {
      const s = summary.get(`${row.currency}\u0000${row.target}`)
      return {
        ...row,
        direct: s?.direct ?? '0',
        shared: s?.shared ?? '0',
        lines: s?.lines ?? 0,
        unallocated: row.target === UNALLOCATED,
      }
    }),
    coverage: after.coverage.currencies.map((c) => ({ ...c })),
    pools: after.pools.map((p) => ({ ...p })),
    residues: after.residues.map((r) => ({
      ...r,
      placements: r.placements.map((p) => ({ target: p.target, amount: p.amount })),
    })),
    reconciliation: after.reconciliation.map((r) => ({ ...r })),
    inputs: after.inputs.map((i) => ({ ...i })),
    rows: after.rows,
  }
}
