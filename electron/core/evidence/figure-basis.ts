/**
 * Which report a figure belongs to, for "Explain this number" (issue 11): a recorded pack
 * (its `report.chargeback|showback` audit entry and its exported_packs record, matched by the
 * manifest's SHA-256, which both hold) or the Reports preview's period and source. The basis
 * says how the figures were made (kind, period, metric, grouping, rule version) and, for a
 * pack, what was recorded, so the figure can be made again the same way and compared.
 */
import { fail, type ReportSource } from '../../../shared/contract'
import { parseDimension } from '../../../shared/pivot'
import type { ReportKind } from '../../../shared/report'
import type { CostMetric } from '../allocate/lines'
import { getRuleVersion, latestRuleVersion, type RuleVersion } from '../allocate/store'
import { listAuditEntries, type AuditEntry } from '../audit/audit-log'
import { listPacks, type ListedPack } from '../close/packs'
import { allocationLinesSource } from '../report/allocation-source'
import { dimensionLinesSource, type LinesSource } from '../report/lines-source'
import { linesSourceOf } from '../report/report-request'
import type { Workspace } from '../workspace/workspace'

/** Which figure: a pack (by its audit entry, or the latest of kind and period) or the preview's report. */
export interface FigureRequest {
  readonly period: string
  readonly target: string
  /** Needed when the target has figures in more than one currency. */
  readonly currency?: string
  readonly kind?: ReportKind
  /** The `seq` of a report.* audit entry. */
  readonly entry?: number
  /** The Reports preview's report (no pack recorded): metric and source. */
  readonly preview?: { readonly metric: CostMetric; readonly source: ReportSource }
}

/** A figure as a pack's audit entry recorded it. */
export interface RecordedFigure {
  readonly target: string
  readonly currency: string
  readonly exact: string
  readonly charged: string
  readonly lines: number
}

/** How the report was made, and what was recorded of it. */
export interface FigureBasis {
  readonly kind: ReportKind
  readonly period: string
  readonly metric: CostMetric
  readonly groupedBy: string | null
  /** "3", "not saved", or null when targets are a column or tag. */
  readonly ruleVersion: string | null
  readonly rules: RuleVersion | null
  readonly pack: ListedPack | null
  readonly entry: AuditEntry | null
  /** Every figure the entry recorded (empty for an entry logged before figures were). */
  readonly recorded: readonly RecordedFigure[]
  readonly source: LinesSource
}

interface EntryDetails {
  files?: Array<{ path?: string; sha256?: string }>
  figures?: RecordedFigure[]
}

const detailsOf = (entry: AuditEntry | null): EntryDetails =>
  entry && typeof entry.details === 'object' && entry.details !== null
    ? (entry.details as EntryDetails)
    : {}

const manifestSha = (pack: ListedPack): string | null =>
  pack.files.find((f) => f.kind === 'manifest')?.sha256 ?? null

/** Finds the report the figure belongs to and how to make its lines again. */
export async function figureBasis(ws: Workspace, request: FigureRequest): Promise<FigureBasis> {
  if (request.preview) {
    const { metric, source } = request.preview
    const kind = request.kind ?? 'chargeback'
    const groupedBy = 'by' in source ? source.by : null
    const rules = 'by' in source ? null : await latestRuleVersion(ws)
    return {
      kind,
      period: request.period,
      metric,
      groupedBy,
      ruleVersion: rules ? String(rules.version) : null,
      rules,
      pack: null,
      entry: null,
      recorded: [],
      source: linesSourceOf(source),
    }
  }
  const reports = await listAuditEntries(ws, { kind: 'report' })
  const packs = await listPacks(ws, { kind: request.kind, period: request.period })
  let entry: AuditEntry | null
  let pack: ListedPack | null
  if (request.entry !== undefined) {
    entry = reports.find((e) => e.seq === request.entry) ?? null
    if (!entry || !/^report\.(chargeback|showback)$/.test(entry.action))
      fail('NOT_FOUND', `Audit entry ${request.entry} is not a chargeback or showback pack.`, {
        hint: 'Pick a report.chargeback or report.showback entry on the Audit trail screen.',
      })
    const hashes = new Set((detailsOf(entry).files ?? []).map((f) => f.sha256))
    pack = packs.find((p) => hashes.has(manifestSha(p) ?? '')) ?? null
  } else {
    pack = packs[0] ?? null
    const sha = pack ? manifestSha(pack) : null
    entry =
      [...reports]
        .reverse()
        .find((e) => (detailsOf(e).files ?? []).some((f) => sha !== null && f.sha256 === sha)) ??
      null
  }
  if (!pack)
    fail(
      'NOT_FOUND',
      `No ${request.kind ?? 'chargeback or showback'} pack of ${request.period} is recorded in this workspace.`,
      { hint: 'Export the pack on the Reports screen (or focal report) first.' },
    )
  if (entry && entry.subject !== pack.period)
    fail(
      'BAD_REQUEST',
      `Audit entry ${entry.seq} is a pack of ${entry.subject}, not of ${request.period}.`,
    )
  const rules = await rulesOf(ws, pack.ruleVersion)
  return {
    kind: pack.kind,
    period: pack.period,
    metric: pack.metric === 'EffectiveCost' ? 'EffectiveCost' : 'BilledCost',
    groupedBy: pack.groupedBy,
    ruleVersion: pack.ruleVersion,
    rules,
    pack,
    entry,
    recorded: detailsOf(entry).figures ?? [],
    source: rules
      ? allocationLinesSource({
          ruleSet: rules.ruleSet,
          // The pack recorded the dimension by its label (allocate.ts: label ?? id).
          dimension: rules.ruleSet.dimensions.find((d) => (d.label ?? d.id) === pack.groupedBy)?.id,
        })
      : dimensionLinesSource(parseDimension(pack.groupedBy)),
  }
}

async function rulesOf(ws: Workspace, version: string | null): Promise<RuleVersion | null> {
  if (version === null) return null
  // A pack made from a rule file that was never saved cannot be made again: its rules are not kept.
  if (!/^\d+$/.test(version))
    fail(
      'BAD_REQUEST',
      'This pack was made from rules that were never saved, so Focal cannot recompute it.',
      {
        hint: 'Save the rules as a version on the Allocate screen (or focal allocate --save) and export the pack again.',
      },
    )
  const rules = await getRuleVersion(ws, Number(version))
  if (!rules)
    fail('NOT_FOUND', `Rule version ${version} of this pack is no longer in the workspace.`)
  return rules
}
