/**
 * The Unit costs tab of the Savings screen: the metrics stored, a metrics CSV uploaded as its
 * name and text, the choices (metric, dimension value, cost metric, grain, slice of cost:
 * filters or an allocation target) and the series they give, and the metric a showback pack
 * from the Reports screen lists its unit costs by. Kept under one `unitCosts` key (CONVENTIONS.md: state stays small per
 * slice); a change of choice runs the series again.
 */
import type { StateCreator } from 'zustand'
import type {
  MetricsImportResult,
  MetricsList,
  UnitCostRequest,
  UnitCostSeries,
  UnitCostTargets,
} from '../../../shared/contract/unit-costs'
import { parseDimension } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The choices of the tab. */
export interface UnitCostChoices {
  readonly metric: string | null
  /** A dimension value, '' for the metric as a whole, null for every value summed. */
  readonly dimension: string | null
  readonly costMetric: UnitCostRequest['costMetric']
  readonly grain: UnitCostRequest['grain']
  /** The slice: Explore's filters, or an allocation target of the saved rules. */
  readonly slice: 'filters' | 'target'
  /** The filters slice: a column or tag:<key>, and its value ('' for all cost). */
  readonly sliceBy: string
  readonly sliceValue: string
  /** The target slice: a target of the latest saved rules; null until one is picked. */
  readonly target: string | null
}

/** The unit costs state. */
export interface UnitCostsState {
  readonly metrics: MetricsList | null
  readonly choices: UnitCostChoices
  /** The request the series answers (for its figures' rows). */
  readonly request: UnitCostRequest | null
  readonly series: UnitCostSeries | null
  readonly task: Task
  readonly upload: Task
  readonly lastImport: MetricsImportResult | null
  /** The targets of the saved rules, read each time the target slice is chosen. */
  readonly targets: UnitCostTargets | null
  /** The metric the Reports screen's showback pack divides by ('' for none). */
  readonly packUnitMetric: string
}

/** State and actions of the unit costs tab. */
export interface UnitCostsSlice {
  readonly unitCosts: UnitCostsState
  /** Loads the metrics, picks the first when none is chosen, and runs the series. */
  loadUnitCosts(): Promise<void>
  /** Uploads a metrics CSV (date, metric, value[, dimension]); errors land in `upload`. */
  uploadMetrics(file: File): Promise<void>
  /** Changes some choices and runs the series again. */
  chooseUnitCosts(change: Partial<UnitCostChoices>): Promise<void>
  /** Loads the metrics stored, for the Reports screen's unit-metric choice. */
  loadMetricNames(): Promise<void>
  /** Picks the metric a showback pack lists its unit costs by ('' for none). */
  setPackUnitMetric(metric: string): void
}

/** The request `choices` describe, or null without a metric. */
export function unitCostRequest(choices: UnitCostChoices): UnitCostRequest | null {
  if (!choices.metric) return null
  if (choices.slice === 'target') {
    if (!choices.target) return null
    return {
      metric: choices.metric,
      ...(choices.dimension === null ? {} : { dimension: choices.dimension || null }),
      costMetric: choices.costMetric,
      grain: choices.grain,
      dateRange: null,
      filters: [],
      target: choices.target,
    }
  }
  const value = choices.sliceValue.trim()
  const by = choices.sliceBy.trim()
  return {
    metric: choices.metric,
    ...(choices.dimension === null ? {} : { dimension: choices.dimension || null }),
    costMetric: choices.costMetric,
    grain: choices.grain,
    dateRange: null,
    filters: value && by ? [{ dimension: parseDimension(by), op: 'in', values: [value] }] : [],
  }
}

const CHOICES: UnitCostChoices = {
  metric: null,
  dimension: null,
  costMetric: 'BilledCost',
  grain: 'day',
  slice: 'filters',
  sliceBy: 'ServiceName',
  sliceValue: '',
  target: null,
}

/** Creates the slice over a transport. */
export function createUnitCostsSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], UnitCostsSlice> {
  return (set, get) => {
    const patch = (change: Partial<UnitCostsState>): void =>
      set((s) => ({ unitCosts: { ...s.unitCosts, ...change } }))
    const run = async (): Promise<void> => {
      const request = unitCostRequest(get().unitCosts.choices)
      if (!request) return patch({ request: null, series: null, task: DONE })
      patch({ task: RUNNING, request })
      try {
        const series = await api['unitCosts:run'](request)
        // A later choice's run may have started meanwhile: keep only the answer to the last.
        if (get().unitCosts.request === request) patch({ series, task: DONE })
      } catch (cause) {
        if (get().unitCosts.request === request) patch({ series: null, task: failed(cause) })
      }
    }
    const reloadMetrics = async (): Promise<void> => {
      const metrics = await api['metrics:list']({})
      const { choices } = get().unitCosts
      const known = metrics.metrics.some((m) => m.metric === choices.metric)
      patch({
        metrics,
        choices: known
          ? choices
          : { ...choices, metric: metrics.metrics[0]?.metric ?? null, dimension: null },
      })
    }
    return {
      unitCosts: {
        metrics: null,
        choices: CHOICES,
        request: null,
        series: null,
        task: IDLE,
        upload: IDLE,
        lastImport: null,
        targets: null,
        packUnitMetric: '',
      },
      loadUnitCosts: async () => {
        try {
          await reloadMetrics()
        } catch (cause) {
          return patch({ task: failed(cause) })
        }
        await run()
      },
      uploadMetrics: async (file) => {
        patch({ upload: RUNNING })
        try {
          const lastImport = await api['metrics:import']({
            fileName: file.name,
            text: await file.text(),
          })
          await reloadMetrics()
          patch({ lastImport, upload: DONE })
        } catch (cause) {
          return patch({ upload: failed(cause) })
        }
        await run()
      },
      chooseUnitCosts: async (change) => {
        set((s) => ({
          unitCosts: { ...s.unitCosts, choices: { ...s.unitCosts.choices, ...change } },
        }))
        const { choices, targets } = get().unitCosts
        // The targets come from an allocation run, so they are read when the target slice is
        // chosen (again, since rules may have been saved meanwhile), not with every choice.
        if (choices.slice === 'target' && (targets === null || change.slice === 'target')) {
          patch({ targets: null, task: RUNNING })
          try {
            const read = await api['unitCosts:targets']({})
            patch({ targets: read })
            const first = read.targets[0]
            if (!get().unitCosts.choices.target && first)
              patch({ choices: { ...get().unitCosts.choices, target: first } })
          } catch (cause) {
            return patch({ task: failed(cause) })
          }
        }
        await run()
      },
      loadMetricNames: async () => {
        try {
          await reloadMetrics()
        } catch {
          // The Reports screen works without unit costs; the Unit costs tab shows the error.
        }
      },
      setPackUnitMetric: (metric) => patch({ packUnitMetric: metric }),
    }
  }
}
