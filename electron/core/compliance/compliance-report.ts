/**
 * Tag compliance of a period (issue 13, "Tag compliance"): the share of cost on rows that
 * carry every required key with an allowed value, per currency (never summed across
 * currencies) in the chosen metric (BilledCost unless asked), by owner, account and service;
 * the largest resources to fix; and the share in every period with data. Tag keys are read
 * through the workspace's alias policy, so `Team` and `team` are one key counted once.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { CostMetricName } from '../../../shared/contract/allocation'
import type {
  ComplianceGroup,
  ComplianceReport,
  ComplianceResource,
} from '../../../shared/contract/compliance'
import { FocalFailure, fail } from '../../../shared/contract/errors'
import type { CompliancePolicy } from '../../../shared/compliance/policy'
import { percentOf } from '../../../shared/compliance/percent'
import { normalizeDecimal, toScaled } from '../../../shared/money'
import { compareText } from '../../../shared/tags/groups'
import type { TagResolver } from '../../../shared/tags/resolve'
import { loadTagResolver } from '../tags/tag-policy'
import { plainReader } from '../presentation/presentation-mode'
import type { Workspace } from '../workspace/workspace'
import {
  complianceRowsSql,
  resourcesSql,
  shareSql,
  trendSql,
  type RowsPlan,
} from './compliance-sql'

/** The label of rows without an owner (or without the grouped column). */
export const NO_VALUE = '(none)'

/** Most resources a report lists. */
export const RESOURCE_LIMIT = 50

/** What a report measures: the period (latest with data when null), metric and policy with its origin. */
export interface ComplianceInput {
  readonly period: string | null
  readonly metric: CostMetricName
  readonly policy: CompliancePolicy
  readonly policySource: ComplianceReport['policySource']
  readonly policyVersion: number | null
}

type Row = Record<string, unknown>

/** The report of `input.period` in the open workspace. */
export async function complianceReport(
  ws: Workspace,
  input: ComplianceInput,
): Promise<ComplianceReport> {
  // Real values whatever the mode: the policy names them (presentation/mask-compliance.ts).
  const connection = await plainReader(ws)
  try {
    const resolve = await loadTagResolver(ws, connection)
    const read = (period: string | null): ReturnType<typeof complianceRowsSql> =>
      complianceRowsSql(rowsPlan(input, resolve, period))
    const all = read(null)
    const trendRows = await query(ws, connection, trendSql(all.sql), all.params)
    const periods = [...new Set(trendRows.map((r) => r.period).filter((p) => p != null))]
      .map(String)
      .sort()
    const period = input.period ?? periods.at(-1) ?? null
    const base = {
      metric: input.metric,
      periods,
      policy: input.policy,
      policySource: input.policySource,
      policyVersion: input.policyVersion,
      trend: trendRows
        .filter((r) => r.period != null)
        .map((r) => ({ period: String(r.period), ...share(r) })),
    }
    if (period === null)
      return {
        ...base,
        period,
        totals: [],
        keys: [],
        byOwner: [],
        byAccount: [],
        byService: [],
        resources: [],
      }
    const one = read(period)
    const keys = input.policy.keys.length
    const shares = await query(ws, connection, shareSql(one.sql, keys), one.params)
    const worst = await query(
      ws,
      connection,
      resourcesSql(one.sql, keys, null, RESOURCE_LIMIT),
      one.params,
    )
    const totals = shares
      .filter((r) => flags(r) === 'total')
      .sort((a, b) => compareText(text(a.currency) ?? '', text(b.currency) ?? ''))
    return {
      ...base,
      period,
      totals: totals.map((r) => ({
        ...share(r),
        outOfScope: normalizeDecimal(String(r.out_of_scope)),
      })),
      keys: input.policy.keys.flatMap((k, i) => {
        const reading = resolve(k.key)
        return totals.map((r) => ({
          key: k.key,
          canonical: reading.canonical,
          reads: [...reading.keys],
          currency: text(r.currency),
          missing: normalizeDecimal(String(r[`m${i}`])),
          wrong: normalizeDecimal(String(r[`w${i}`])),
        }))
      }),
      byOwner: groups(
        shares,
        'owner',
        (r) => text(r.owner) ?? NO_VALUE,
        () => null,
      ),
      byAccount: groups(
        shares,
        'account',
        (r) => text(r.account_id) ?? NO_VALUE,
        (r) => text(r.account_name),
      ),
      byService: groups(
        shares,
        'service',
        (r) => text(r.service) ?? NO_VALUE,
        () => null,
      ),
      resources: worst.map((r) => resourceOf(r, input.policy)),
    }
  } finally {
    connection.closeSync()
  }
}

/** The rows SQL's plan for `input` read through `resolve`. */
export function rowsPlan(
  input: Pick<ComplianceInput, 'metric' | 'policy'>,
  resolve: TagResolver,
  period: string | null,
): RowsPlan {
  const { policy } = input
  return {
    metric: input.metric,
    required: policy.keys.map((k) => ({
      keys: resolve(k.key).keys,
      ...(k.values ? { values: k.values } : {}),
      ...(k.pattern !== undefined ? { pattern: k.pattern } : {}),
    })),
    owner: resolve(policy.ownerKey).keys,
    services: policy.scope.services,
    accounts: policy.scope.accounts,
    period,
  }
}

/** Runs a compliance query; a pattern DuckDB's regex engine refuses becomes a message naming it. */
export async function query(
  ws: Workspace,
  connection: DuckDBConnection,
  sql: string,
  params: readonly string[],
): Promise<Row[]> {
  try {
    return await ws.all(sql, [...params], connection)
  } catch (cause) {
    if (cause instanceof FocalFailure) throw cause
    const message = cause instanceof Error ? cause.message : String(cause)
    if (/regex|regular expression/i.test(message))
      fail('BAD_VALUE', `A pattern of the tag policy cannot be run: ${message}`, {
        hint: 'Write the pattern in RE2 syntax (no lookaround, no backreferences) and try again.',
      })
    throw cause
  }
}

/** A resource to fix from a resources query row. */
export function resourceOf(r: Row, policy: CompliancePolicy): ComplianceResource {
  return {
    resourceId: text(r.resource),
    resourceName: text(r.resource_name),
    service: text(r.service),
    account: text(r.account_id),
    owner: text(r.owner) ?? NO_VALUE,
    currency: text(r.currency),
    cost: normalizeDecimal(String(r.cost)),
    rows: Number(r.n),
    missing: policy.keys.filter((_, i) => r[`m${i}`] === true).map((k) => k.key),
    wrong: policy.keys.flatMap((k, i) => {
      const values = (r[`w${i}`] as unknown[] | null) ?? []
      return values.length > 0 ? [{ key: k.key, values: values.map(String) }] : []
    }),
  }
}

function text(value: unknown): string | null {
  return value == null ? null : String(value)
}

function share(r: Row): Omit<ComplianceGroup, 'group' | 'label'> {
  const cost = normalizeDecimal(String(r.cost))
  const compliant = normalizeDecimal(String(r.compliant))
  return {
    currency: text(r.currency),
    cost,
    compliant,
    percent: percentOf(compliant, cost),
    rows: Number(r.n),
    compliantRows: Number(r.n_ok),
  }
}

// GROUPING() is 1 for a column the row is not grouped by.
function flags(r: Row): 'total' | 'owner' | 'account' | 'service' {
  if (r.no_owner === 0) return 'owner'
  if (r.no_account === 0) return 'account'
  if (r.no_service === 0) return 'service'
  return 'total'
}

// Groups with cost in scope, most cost first within each currency.
function groups(
  shares: readonly Row[],
  kind: 'owner' | 'account' | 'service',
  group: (r: Row) => string,
  label: (r: Row) => string | null,
): ComplianceGroup[] {
  return shares
    .filter((r) => flags(r) === kind && Number(r.n) > 0)
    .map((r) => ({ group: group(r), label: label(r), ...share(r) }))
    .sort(
      (a, b) =>
        compareText(a.currency ?? '', b.currency ?? '') ||
        compareDecimal(b.cost, a.cost) ||
        compareText(a.group, b.group),
    )
}

function compareDecimal(a: string, b: string): number {
  const d = toScaled(a) - toScaled(b)
  return d > 0n ? 1 : d < 0n ? -1 : 0
}
