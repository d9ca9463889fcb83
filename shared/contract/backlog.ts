/**
 * The cost-debt backlog across the boundary (electron/core/backlog): items with their scope (a
 * saved filter), owner, expected monthly savings, risk, effort and status; candidates proposed
 * from the data with their evidence and rows filter; realized savings against each done item's
 * baseline; the burn-down; and the list as CSV text. No path crosses the boundary.
 */
import { z } from '../zod'
import { ConditionSchema, FilterSchema } from '../pivot'
import { CostMetricSchema } from './allocation'
import { DecimalString } from './models'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/** Statuses an item moves through; done and rejected are closed. */
export const BACKLOG_STATUSES = ['proposed', 'accepted', 'in progress', 'done', 'rejected'] as const
/** Risk of making the change. */
export const BACKLOG_RISKS = ['low', 'medium', 'high'] as const
/** The candidate kinds proposed from the data. */
export const CANDIDATE_KINDS = ['unused-commitment', 'week-growth', 'untagged', 'idle'] as const

/** An item's scope: pivot filters and conditions, or the name of a saved view (its filters). */
export const BacklogScopeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('filter'),
      filters: z.array(FilterSchema).max(32),
      conditions: z.array(ConditionSchema).max(32),
    })
    .strict(),
  z.object({ kind: z.literal('view'), view: z.string().min(1).max(200) }).strict(),
])
/** An item's scope. */
export type BacklogScope = z.infer<typeof BacklogScopeSchema>

/** The fields a person sets on an item (`backlog:add`; every one optional in `backlog:update`). */
export const BacklogInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    scope: BacklogScopeSchema,
    owner: z.string().trim().min(1).max(120),
    /** Per month, in `currency`, as an exact decimal (0 or more). */
    expectedMonthlySavings: z
      .string()
      .regex(/^\d{1,20}(\.\d{1,18})?$/, 'expected an amount such as 1200 or 99.50'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code such as USD'),
    risk: z.enum(BACKLOG_RISKS),
    /** 1 (hours) … 5 (a quarter); S, M and L are 1, 3 and 5. */
    effort: z.number().int().min(1).max(5),
    status: z.enum(BACKLOG_STATUSES),
    dueDate: isoDate.nullable(),
    /** When the change was made (UTC day): the baseline ends, and the measured period starts, there. */
    changeDate: isoDate.nullable(),
    notes: z.string().max(2000),
  })
  .strict()
/** An item's editable fields. */
export type BacklogInput = z.infer<typeof BacklogInputSchema>

/** What `backlog:update` takes: the item's id and the fields that change. */
export const BacklogUpdateSchema = BacklogInputSchema.partial()
  .extend({ id: z.number().int().positive() })
  .strict()
/** An update. */
export type BacklogUpdate = z.infer<typeof BacklogUpdateSchema>

/** An item as stored, with its priority (expected monthly savings ÷ effort). */
export const BacklogItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  scope: BacklogScopeSchema,
  owner: z.string(),
  expectedMonthlySavings: DecimalString,
  currency: z.string(),
  risk: z.enum(BACKLOG_RISKS),
  effort: z.number().int(),
  status: z.enum(BACKLOG_STATUSES),
  dueDate: z.string().nullable(),
  changeDate: z.string().nullable(),
  notes: z.string(),
  /** The candidate key the item was accepted from, or null for one entered by hand. */
  source: z.string().nullable(),
  /** Expected monthly savings ÷ effort, in the item's currency, 2 decimals. */
  priority: DecimalString,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
})
/** A backlog item. */
export type BacklogItem = z.infer<typeof BacklogItemSchema>

/** The rows behind a figure: the Rows drawer's filters, conditions and date range (contract/rows.ts). */
export const EvidenceRowsSchema = z.object({
  filters: z.array(FilterSchema).max(40),
  conditions: z.array(ConditionSchema).max(32),
  dateRange: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }),
})
/** The rows behind a figure. */
export type EvidenceRows = z.infer<typeof EvidenceRowsSchema>

/** A candidate proposed from the data, with its evidence. */
export const BacklogCandidateSchema = z.object({
  /** Stable while the data is: kind, subject and currency. */
  key: z.string(),
  kind: z.enum(CANDIDATE_KINDS),
  title: z.string(),
  /** What the figures show, in one sentence. */
  evidence: z.string(),
  currency: z.string(),
  /** The cost in the evidence window (EffectiveCost). */
  cost: DecimalString,
  /** The earlier week's cost, for week-over-week growth. */
  previousCost: DecimalString.nullable(),
  rows: z.number().int(),
  /** Suggested expected monthly savings (per 30 days), 2 decimals. */
  expectedMonthlySavings: DecimalString,
  scope: BacklogScopeSchema,
  evidenceRows: EvidenceRowsSchema,
  /** The backlog item accepted from it, if any. */
  itemId: z.number().int().nullable(),
})
/** A candidate. */
export type BacklogCandidate = z.infer<typeof BacklogCandidateSchema>

/** What `backlog:candidates` takes: growth threshold in percent (default 50), window days (default 30). */
export const CandidatesRequestSchema = z
  .object({
    thresholdPercent: z.number().int().min(1).max(10_000).optional(),
    days: z.number().int().min(7).max(366).optional(),
  })
  .strict()
/** A candidates request. */
export type CandidatesRequest = z.infer<typeof CandidatesRequestSchema>

/** The candidates and the windows they read. */
export const CandidatesSchema = z.object({
  metric: z.literal('EffectiveCost'),
  /** [start, end): the last `days` days with data (unused, untagged, idle). */
  window: z.object({ start: isoDate, end: isoDate, days: z.number().int() }).nullable(),
  /** The last two whole ISO weeks (Monday start, UTC) the growth compares. */
  weeks: z.object({ previous: isoDate, latest: isoDate, end: isoDate }).nullable(),
  thresholdPercent: z.number().int(),
  method: z.string(),
  candidates: z.array(BacklogCandidateSchema),
})
/** The candidates. */
export type Candidates = z.infer<typeof CandidatesSchema>

/** What `backlog:realized` takes: the baseline days (default 30) and cost metric (default EffectiveCost). */
export const RealizedRequestSchema = z
  .object({
    days: z.number().int().min(1).max(366).optional(),
    metric: CostMetricSchema.optional(),
  })
  .strict()
/** A realized savings request. */
export type RealizedRequest = z.infer<typeof RealizedRequestSchema>

/** One done item's measurement in one currency. */
export const RealizedFigureSchema = z.object({
  currency: z.string(),
  beforeCost: DecimalString,
  afterCost: DecimalString,
  /** Average daily cost, 18 decimals. */
  beforeDaily: DecimalString,
  afterDaily: DecimalString,
  /** (beforeDaily − afterDaily) × 30, 18 decimals; negative when the cost went up. */
  realizedMonthly: DecimalString,
  beforeRows: EvidenceRowsSchema,
  afterRows: EvidenceRowsSchema,
})
/** A measurement. */
export type RealizedFigure = z.infer<typeof RealizedFigureSchema>

/** One done item: its windows and figures per currency, or why it cannot be measured. */
export const RealizedItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  currency: z.string(),
  expectedMonthlySavings: DecimalString,
  changeDate: z.string().nullable(),
  before: z.object({ start: isoDate, end: isoDate, days: z.number().int() }).nullable(),
  after: z.object({ start: isoDate, end: isoDate, days: z.number().int() }).nullable(),
  figures: z.array(RealizedFigureSchema),
  /** Why there is no figure (no change date, no data before or after it). */
  note: z.string().nullable(),
})
/** A done item measured. */
export type RealizedItem = z.infer<typeof RealizedItemSchema>

/** A point of the burn-down in one currency. */
export const BurnDownPointSchema = z.object({
  date: isoDate,
  currency: z.string(),
  /** Expected monthly savings of the open items (proposed, accepted, in progress) and of done ones not yet changed. */
  remainingExpected: DecimalString,
  /** Expected monthly savings of items done with a change date on or before `date`. */
  deliveredExpected: DecimalString,
  /** Realized monthly savings measured for those items. */
  realized: DecimalString,
})
/** A burn-down point. */
export type BurnDownPoint = z.infer<typeof BurnDownPointSchema>

/** Realized savings of every done item, the method, and the burn-down. */
export const RealizedSchema = z.object({
  metric: CostMetricSchema,
  days: z.number().int(),
  method: z.string(),
  items: z.array(RealizedItemSchema),
  burnDown: z.array(BurnDownPointSchema),
})
/** Realized savings. */
export type Realized = z.infer<typeof RealizedSchema>

const Empty = z.object({}).strict()
const ItemList = z.object({ items: z.array(BacklogItemSchema) })

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const BACKLOG_CHANNELS = {
  'backlog:list': { request: Empty, response: ItemList },
  'backlog:add': { request: BacklogInputSchema, response: BacklogItemSchema },
  'backlog:update': { request: BacklogUpdateSchema, response: BacklogItemSchema },
  'backlog:candidates': { request: CandidatesRequestSchema, response: CandidatesSchema },
  'backlog:accept': {
    request: z
      .object({
        key: z.string().min(1).max(600),
        owner: z.string().trim().min(1).max(120).optional(),
        thresholdPercent: CandidatesRequestSchema.shape.thresholdPercent,
        days: CandidatesRequestSchema.shape.days,
      })
      .strict(),
    response: BacklogItemSchema,
  },
  'backlog:realized': { request: RealizedRequestSchema, response: RealizedSchema },
  'backlog:csv': { request: Empty, response: z.object({ fileName: z.string(), text: z.string() }) },
} as const
