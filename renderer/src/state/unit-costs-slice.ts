/**
 * The Unit costs tab of the Savings screen: the metrics stored, a metrics CSV uploaded as its
 * name and text, the choices (metric, dimension value, cost metric, grain, slice of cost) and
 * the series they give. Kept under one `unitCosts` key (CONVENTIONS.md: state stays small per
 * slice); a change of choice runs the series again.
 */
import type { StateCreator } from 'zustand'
import type {
  MetricsImportResult,
  MetricsList,
  UnitCostRequest,
  UnitCostSeries,
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
  /** The slice: a column or tag:<key>, and its value ('' for all cost). */
  readonly sliceBy: string
  readonly sliceValue: string
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
}

/** The request `choices` describe, or null without a metric. */
export function unitCostRequest(choices: UnitCostChoices): UnitCostRequest | null {
  if (!choices.metric) return null
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
  sliceBy: 'ServiceName',
  sliceValue: '',
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
        await run()
      },
    }
  }
}
