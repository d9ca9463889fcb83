/**
 * `focal close` and `focal reopen`, and the Reports screen's buttons: a close
 * freezes the period's allocated figures per target and currency, its totals,
 * the rule version, both fingerprints and the last pack's file hashes; a
 * reopen is recorded beside it (the close is never deleted). Each is audited.
 * Both run in one turn of the writer, so no import lands between reading the
 * figures and recording them.
 */
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { isPeriod } from '../../../shared/report'
import type { CostMetric } from '../allocate/lines'
import * as q from '../report/line-queries'
import type { LinesSource } from '../report/lines-source'
import { dropLines } from '../report/read-facts'
import { actorName, type Workspace } from '../workspace/workspace'
import { INSERT_CLOSE_SQL } from './close-sql'
import { allocationFingerprint, dataFingerprint } from './fingerprint'
import { latestPack } from './packs'
import { describeClose, periodState, type CloseRecord, type Figure } from './period-records'

/** What closing a month takes. */
export interface CloseRequest {
  period: string
  note: string
  metric: CostMetric
  /** How the figures are made: the same sources a pack takes. */
  source: LinesSource
}

/** What reopening takes. */
export interface ReopenRequest {
  period: string
  note: string
}

const NOTE_LIMIT = 1000

function checkRequest(period: string, note: string, verb: string): string {
  if (!isPeriod(period)) fail('BAD_REQUEST', `"${period}" is not a period; use YYYY-MM.`)
  const trimmed = note.trim()
  if (!trimmed)
    fail('BAD_REQUEST', `Say why you ${verb} ${period}: the note is kept with the record.`, {
      hint: `Add --note "<why>".`,
    })
  if (trimmed.length > NOTE_LIMIT)
    fail('BAD_REQUEST', `The note is longer than ${NOTE_LIMIT} characters.`)
  return trimmed
}

/** Closes `request.period`; refuses a period already closed or with no cost rows. */
export async function closePeriod(ws: Workspace, request: CloseRequest): Promise<CloseRecord> {
  const note = checkRequest(request.period, request.note, 'close')
  const { period, metric, source } = request
  return ws.exclusive(async () => {
    const state = await periodState(ws, period)
    if (state.state === 'closed' && state.close)
      fail('BAD_REQUEST', `${period} is already ${describeClose(state.close)}.`, {
        hint: `Reopen it first (focal reopen --period ${period} --note "<why>") to close it again.`,
      })
    await source.check?.(ws)
    const periods = (await ws.all(q.PERIODS_SQL)).map((r) => String(r.period))
    if (!periods.includes(period))
      fail('NO_ROWS', `The workspace has no cost rows in the billing period ${period}.`, {
        hint: periods.length
          ? `Periods with data: ${periods.join(', ')}.`
          : 'Import billing data first.',
      })
    const lines = await source(ws, period, metric)
    let figures: Figure[]
    try {
      figures = (await ws.all(q.targetTotalsSql(lines.table))).map((r) => ({
        target: String(r.target),
        currency: String(r.currency),
        amount: normalizeDecimal(String(r.amount ?? '0')),
        lines: Number(r.lines),
      }))
    } finally {
      await dropLines(ws, lines.table)
    }
    const totals = (await ws.all(q.periodTotalsSql(metric), [period])).map((r) => ({
      currency: String(r.currency),
      amount: normalizeDecimal(String(r.amount ?? '0')),
    }))
    const ruleVersion = lines.allocation?.ruleVersion ?? null
    const basis = { ruleVersion, groupedBy: lines.groupedBy }
    const pack = await latestPack(ws, period)
    const record: CloseRecord = {
      period,
      action: 'close',
      at: '',
      actor: actorName(),
      note,
      metric,
      groupedBy: lines.groupedBy,
      ruleVersion,
      dataFingerprint: await dataFingerprint(ws, period, basis),
      allocationFingerprint: allocationFingerprint(figures),
      totals,
      figures,
      pack: pack && {
        kind: pack.kind,
        at: pack.at,
        files: pack.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
      },
    }
    await ws.transaction(async () => {
      await ws.run(INSERT_CLOSE_SQL, [
        period,
        'close',
        record.actor,
        note,
        metric,
        record.groupedBy,
        ruleVersion,
        record.dataFingerprint,
        record.allocationFingerprint,
        JSON.stringify(totals),
        JSON.stringify(figures),
        record.pack ? JSON.stringify(record.pack) : null,
      ])
      await ws.audit('period.close', period, {
        note,
        metric,
        groupedBy: record.groupedBy,
        ruleVersion,
        dataFingerprint: record.dataFingerprint,
        allocationFingerprint: record.allocationFingerprint,
        totals,
        pack: record.pack,
      })
    })
    return (await periodState(ws, period)).close ?? record
  })
}

/** Reopens a closed period; the close record stays. */
export async function reopenPeriod(ws: Workspace, request: ReopenRequest): Promise<CloseRecord> {
  const note = checkRequest(request.period, request.note, 'reopen')
  const { period } = request
  return ws.exclusive(async () => {
    const state = await periodState(ws, period)
    if (state.state !== 'closed' || !state.close)
      fail(
        'BAD_REQUEST',
        `${period} is not closed${state.state === 'reopened' ? ' (it was reopened already)' : ''}.`,
        {
          hint: 'Only a closed month can be reopened (focal periods lists them).',
        },
      )
    const actor = actorName()
    await ws.transaction(async () => {
      await ws.run(INSERT_CLOSE_SQL, [
        period,
        'reopen',
        actor,
        note,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ])
      await ws.audit('period.reopen', period, {
        note,
        closedAt: state.close?.at,
        closeNote: state.close?.note,
      })
    })
    return (await periodState(ws, period)).reopen as CloseRecord
  })
}
