/** Plain-text output of `focal backlog`: the list, the candidates and the realized savings as tables. */
import type { BacklogItem, Candidates, Realized } from '../../shared/contract/backlog'
import { formatMoney } from '../../shared/money'
import { textTable } from './format'

/** The items by priority. */
export function itemsText(items: readonly BacklogItem[]): string {
  if (items.length === 0)
    return 'The backlog is empty (focal backlog candidates proposes items; focal backlog add adds one).'
  return textTable(
    [
      'id',
      'priority',
      'title',
      'owner',
      'status',
      'expected/month',
      'effort',
      'risk',
      'due',
      'changed',
    ],
    items.map((i) => [
      String(i.id),
      i.priority,
      i.title,
      i.owner,
      i.status,
      formatMoney(i.expectedMonthlySavings, i.currency),
      String(i.effort),
      i.risk,
      i.dueDate ?? '',
      i.changeDate ?? '',
    ]),
    new Set([0, 1, 5, 6]),
  )
}

/** The candidates with their windows and the method. */
export function candidatesText(found: Candidates): string {
  if (!found.window) return 'No cost rows yet: import a billing export first.'
  const weeks = found.weeks
    ? `Growth compares the week of ${found.weeks.latest} with the week of ${found.weeks.previous}.`
    : 'Growth needs two whole ISO weeks of data.'
  const head = `Window ${found.window.start} to ${found.window.end} (${found.window.days} days, end excluded). ${weeks}`
  const table =
    found.candidates.length === 0
      ? 'No candidates.'
      : textTable(
          ['key', 'cost', 'expected/month', 'rows', 'item', 'evidence'],
          found.candidates.map((c) => [
            c.key,
            formatMoney(c.cost, c.currency),
            formatMoney(c.expectedMonthlySavings, c.currency),
            String(c.rows),
            c.itemId === null ? '' : String(c.itemId),
            c.evidence,
          ]),
          new Set([1, 2, 3, 4]),
        )
  return [head, '', table, '', `Method: ${found.method}`].join('\n')
}

/** Each done item's realized savings per currency, the burn-down and the method. */
export function realizedText(realized: Realized): string {
  const rows = realized.items.flatMap((i) =>
    i.figures.length === 0
      ? [
          [
            String(i.id),
            i.title,
            formatMoney(i.expectedMonthlySavings, i.currency),
            '',
            '',
            '',
            i.note ?? '',
          ],
        ]
      : i.figures.map((f) => [
          String(i.id),
          i.title,
          formatMoney(i.expectedMonthlySavings, i.currency),
          formatMoney(f.beforeDaily, f.currency),
          formatMoney(f.afterDaily, f.currency),
          formatMoney(f.realizedMonthly, f.currency),
          `${i.before?.start} to ${i.after?.end} (${i.before?.days} + ${i.after?.days} days, change ${i.changeDate})`,
        ]),
  )
  const table =
    rows.length === 0
      ? 'No done items yet: realized savings are measured once an item is done with its change date.'
      : textTable(
          [
            'id',
            'title',
            'expected/month',
            'daily before',
            'daily after',
            'realized/month',
            'windows',
          ],
          rows,
          new Set([0, 2, 3, 4, 5]),
        )
  const burn = realized.burnDown.map((p) => [
    p.date,
    formatMoney(p.remainingExpected, p.currency),
    formatMoney(p.deliveredExpected, p.currency),
    formatMoney(p.realized, p.currency),
  ])
  return [
    `${realized.metric}, baseline ${realized.days} days.`,
    '',
    table,
    ...(burn.length
      ? [
          '',
          'Burn-down',
          textTable(
            ['date', 'remaining expected', 'delivered expected', 'realized'],
            burn,
            new Set([1, 2, 3]),
          ),
        ]
      : []),
    '',
    `Method: ${realized.method}`,
  ].join('\n')
}
