/**
 * The plain-text account of an allocation that `focal allocate` prints:
 * per currency a table of targets (direct, shared, total, and before → after
 * when previewing), coverage against the target, each pool split with the
 * place its residue went, the imported tables used, and the reconciliation
 * line. Amounts are shown exactly (no display rounding), so the columns can
 * be added up by hand and match the invoice total to the last digit.
 */
import { compareTargets } from '../../../shared/allocate/split'
import { fromScaled, toScaled } from '../../../shared/money'
import type { AllocationResult } from './allocate'
import { METRIC_LABEL, UNALLOCATED } from './lines'
import type { PreviewRow } from './preview'

/** Describes `result`; `source` says where the rules came from, `preview` adds before → after columns. */
export function describeAllocation(
  result: Omit<AllocationResult, 'table'>,
  options: { source: string; preview: readonly PreviewRow[] | null; beforeVersion: number | null },
): string {
  const out: string[] = []
  const dim = result.dimension
  out.push(
    `Allocation of ${result.period} · ${METRIC_LABEL[result.metric]} · ${dim.label} (${dim.id})`,
  )
  const compared = options.preview
    ? `; compared with ${options.beforeVersion === null ? 'no rules' : `version ${options.beforeVersion}`}`
    : ''
  out.push(`Rules: ${options.source}${compared}`)
  const p = result.policies
  out.push(
    `Split parts rounded to ${result.scale} decimals; residues by largest remainder. Policies: taxes ${p.taxes}, credits ${p.credits}, refunds ${p.refunds}, adjustments ${p.adjustments}, commitments ${p.commitments}.`,
  )
  const currencies = [...new Set(result.summary.map((s) => s.currency))].sort(compareTargets)
  for (const currency of currencies) {
    const label = currency || '(no currency)'
    const rows = result.summary.filter((s) => s.currency === currency)
    const preview = options.preview?.filter((r) => r.currency === currency) ?? null
    const header = ['target', 'direct', 'shared', 'total', ...(preview ? ['before', 'change'] : [])]
    const targets = preview ? preview.map((r) => r.target) : rows.map((r) => r.target)
    const body = targets.map((target) => {
      const row = rows.find((r) => r.target === target)
      const change = preview?.find((r) => r.target === target)
      return [
        target,
        money(row?.direct ?? '0'),
        money(row?.shared ?? '0'),
        money(row?.total ?? '0'),
        ...(change ? [money(change.before), signed(change.change)] : []),
      ]
    })
    const sum = (pick: (r: (typeof rows)[number]) => string): string =>
      money(fromScaled(rows.reduce((s, r) => s + toScaled(pick(r)), 0n)))
    const beforeTotal = preview
      ? [sumOf(preview.map((r) => r.before)), signed(sumOf(preview.map((r) => r.change)))]
      : []
    body.push([
      'Total',
      sum((r) => r.direct),
      sum((r) => r.shared),
      sum((r) => r.total),
      ...beforeTotal,
    ])
    out.push('', label, table(header, body))
    const cov = result.coverage.currencies.find((c) => c.currency === currency)
    if (cov) {
      const verdict = cov.meetsTarget ? 'meets the target' : 'BELOW the target'
      const pct = cov.percent === null ? 'n/a (total ≤ 0)' : `${cov.percent}%`
      out.push(
        `Coverage: ${pct} allocated (target ${result.coverage.target}%), ${verdict}; ${UNALLOCATED} ${money(cov.unallocated)} ${label}`,
      )
    }
  }
  if (result.pools.length > 0) out.push('', 'Pools:')
  for (const pool of result.pools) {
    const name = pool.label === pool.pool ? pool.pool : `${pool.pool} "${pool.label}"`
    const group = pool.group ? ` [${pool.group}]` : ''
    const head = `  ${name}${group} ${pool.currency}: ${money(pool.amount)} from ${pool.rows} row${pool.rows === 1 ? '' : 's'}, ${pool.method} (${pool.basis})`
    if (pool.unsplit) {
      out.push(`${head} → ${UNALLOCATED} (${pool.unsplit})`)
      continue
    }
    const residue = result.residues.find(
      (r) => r.pool === pool.pool && r.currency === pool.currency && r.group === pool.group,
    )
    const placed = residue?.placements.map((x) => `${signed(x.amount)} ${x.target}`).join(', ')
    out.push(
      `${head} → ${pool.targets} target${pool.targets === 1 ? '' : 's'}; residue ${money(residue?.amount ?? '0')}${placed ? `: ${placed}` : ''}`,
    )
  }
  if (result.inputs.length > 0) {
    const inputs = result.inputs.map(
      (t) =>
        `${t.kind} ${t.name} (${t.rows} rows, content sha256 ${t.digest?.slice(0, 12) ?? '?'}…)`,
    )
    out.push('', `Inputs: ${inputs.join('; ')}`)
  }
  out.push('')
  for (const r of result.reconciliation) {
    const mark = r.equal ? '= period total' : '≠ period total'
    out.push(
      `Reconciliation ${r.currency || '(no currency)'}: sum of lines ${money(r.linesTotal)} ${mark} ${money(r.periodTotal)} ${r.equal ? '✓' : '✗'}`,
    )
  }
  return out.join('\n')
}

function sumOf(values: readonly string[]): string {
  return money(fromScaled(values.reduce((s, v) => s + toScaled(v), 0n)))
}

// Exact, with at least two decimals: "0.18" stays, "3" becomes "3.00".
function money(value: string): string {
  const text = fromScaled(toScaled(value))
  const [int, frac = ''] = text.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}

function signed(value: string): string {
  const text = money(value)
  return text.startsWith('-') || toScaled(value) === 0n ? text : `+${text}`
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
