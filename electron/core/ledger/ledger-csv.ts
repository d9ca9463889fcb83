/**
 * The weekly ledger as CSV (`focal ledger --csv`, the Ledger tab's Export CSV): one line per
 * mover, the rest and the total of each currency, with the metric and the week on every line,
 * so a spreadsheet of several weeks stays readable; a mover's line states the sign-off rule it
 * was flagged by (the workspace's threshold). Amounts are exact decimals.
 */
import type { LedgerWeek } from '../../../shared/contract/ledger'
import { signOffRule } from '../../../shared/ledger/sign-off'
import { csvField } from '../report/csv'

const HEADER = [
  'Week',
  'Dimension',
  'Metric',
  'Currency',
  'Line',
  'Value',
  'LastWeek',
  'ThisWeek',
  'Delta',
  'DeltaPercent',
  'NeedsSignOff',
  'Explanation',
  'Owner',
  'SignedBy',
  'SignedAt',
  'SignOffRule',
]
const NUMERIC = new Set([6, 7, 8, 9])

/** The ledger's CSV text (CRLF lines, RFC 4180). */
export function ledgerCsv(ledger: LedgerWeek): string {
  const rule = signOffRule(ledger.threshold)
  const rows: Array<Array<string | null>> = []
  for (const c of ledger.currencies) {
    const head = [ledger.week, ledger.by, ledger.metric, c.currency]
    for (const m of c.movers) {
      const e = m.explanation
      rows.push([
        ...head,
        'mover',
        m.value,
        m.lastWeek,
        m.thisWeek,
        m.delta,
        m.deltaPercent,
        m.needsSignOff ? 'yes' : 'no',
        e?.text ?? null,
        e?.owner ?? null,
        e?.signedBy ?? null,
        e?.signedAt ?? null,
        rule,
      ])
    }
    const r = c.rest
    if (r.values > 0)
      rows.push([
        ...head,
        `rest (${r.values} values)`,
        null,
        r.lastWeek,
        r.thisWeek,
        r.delta,
        r.deltaPercent,
        null,
        null,
        null,
        null,
        null,
        null,
      ])
    rows.push([
      ...head,
      'total',
      null,
      c.lastWeek,
      c.thisWeek,
      c.delta,
      c.deltaPercent,
      null,
      null,
      null,
      null,
      null,
      null,
    ])
  }
  const line = (cells: ReadonlyArray<string | null>): string =>
    cells.map((v, i) => csvField(v, !NUMERIC.has(i))).join(',')
  return [line(HEADER), ...rows.map(line)].join('\r\n') + '\r\n'
}
