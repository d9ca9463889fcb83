/**
 * Compiles one allocation dimension of a rule set to a single SELECT over the
 * focus view: the policies and the ordered rules become one CASE expression
 * (first match wins), mapping tables are LEFT JOINed once each, and every
 * user value is a bound parameter. The result has one row per cost row of the
 * period with its disposition — direct to a target, to a pool, a separate
 * line, or unallocated — which the engine materializes and splits.
 */
import { fail } from '../contract/errors'
import { jsonKeyPath, quoteIdent, quoteLiteral } from '../sql/identifiers'
import type { TagResolver } from '../tags/resolve'
import { SqlParams, conditionsSql, tagsListSql } from './conditions-sql'
import { SEPARATE_TARGET, UNALLOCATED_TARGET, policyId } from './names'
import type { AllocationDimension, PolicyName, RuleSet } from './rule-set'

/** The cost columns each line carries (lines.ts), beside target, pool, method, rule and amount. */
export const LINE_SOURCE_COLUMNS = [
  'x_ImportId',
  'x_SourceRow',
  'ChargePeriodStart',
  'ChargeCategory',
  'ServiceName',
  'ResourceId',
  'ResourceName',
  'SubAccountName',
  'BillingCurrency',
] as const

/** Policy rows in the order they are tested, with the FOCUS condition that selects them. */
export const POLICY_CONDITIONS: ReadonlyArray<readonly [PolicyName, string]> = [
  ['taxes', `"ChargeCategory" = 'Tax'`],
  ['credits', `"ChargeCategory" = 'Credit'`],
  // FOCUS 1.0+: refunds of closed periods keep their category and carry ChargeClass Correction.
  ['refunds', `"ChargeClass" = 'Correction'`],
  ['adjustments', `"ChargeCategory" = 'Adjustment'`],
  [
    'commitments',
    `(("ChargeCategory" = 'Purchase' AND "CommitmentDiscountId" IS NOT NULL) OR "CommitmentDiscountStatus" = 'Unused')`,
  ],
]

/** A compiled assignment query and what its columns mean. */
export interface AssignmentSql {
  readonly sql: string
  readonly params: readonly string[]
  /** Pool id → the `__d<n>` column holding its usage driver, for column drivers. */
  readonly driverColumns: ReadonlyMap<string, string>
}

/** What one branch of the CASE assigns; every field but `kind` is an SQL expression. */
interface Branch {
  when: string
  kind: 'direct' | 'pool' | 'separate'
  target: string | null
  pool: string | null
  rule: string | null
  groupKey?: string
}

/**
 * The assignment SELECT for `dimension` of `ruleSet` over rows of `period`
 * (bound); `columns` are the focus view's columns, `periodCondition` builds
 * the period filter for a placeholder (lines.ts).
 */
export function compileAssignment(options: {
  ruleSet: RuleSet
  dimension: AllocationDimension
  metric: 'BilledCost' | 'EffectiveCost'
  period: string
  columns: ReadonlySet<string>
  periodCondition: (param: string) => string
  mappingTable: string
  /** The tag alias policy (shared/tags); without it a tag key reads only itself. */
  tags?: TagResolver
}): AssignmentSql {
  const { ruleSet, dimension, metric } = options
  const params = new SqlParams(options.columns, options.tags)
  const periodFilter = options.periodCondition(params.bind(options.period))
  const joins: string[] = []
  const targets: string[] = []
  const mappingAlias = new Map<string, string>()
  const branches: Branch[] = []

  for (const [name, condition] of POLICY_CONDITIONS) {
    const policy = ruleSet.policies[name]
    if (policy === 'rules') continue
    const id = quoteLiteral(policyId(name))
    branches.push(
      policy === 'separate'
        ? {
            when: condition,
            kind: 'separate',
            target: quoteLiteral(SEPARATE_TARGET[name]),
            pool: null,
            rule: id,
          }
        : {
            when: condition,
            kind: 'pool',
            target: null,
            pool: id,
            rule: null,
            // Unused commitment goes to the users of the same commitment.
            groupKey: name === 'commitments' ? `coalesce("CommitmentDiscountId", '')` : undefined,
          },
    )
  }

  dimension.rules.forEach((rule, i) => {
    const where = `dimension "${dimension.id}", rule "${rule.id}" (#${i + 1})`
    const when = conditionsSql(rule.when, params, where)
    const then = rule.then
    if (then.kind === 'pool') {
      branches.push({ when, kind: 'pool', target: null, pool: params.bind(then.pool), rule: null })
      return
    }
    if (then.kind === 'value') {
      branches.push({
        when,
        kind: 'direct',
        target: params.bind(then.value),
        pool: null,
        rule: null,
      })
    } else {
      const alias = `"__t${i}"`
      const value = params.field(then.field, `${where}, then.field`)
      if (then.kind === 'field') targets.push(`nullif(${value}, '') AS ${alias}`)
      else {
        const key = `${then.mapping}\u0000${value}`
        let m = mappingAlias.get(key)
        if (!m) {
          m = `"__m${mappingAlias.size}"`
          mappingAlias.set(key, m)
          joins.push(
            `LEFT JOIN (SELECT key, min(value) AS value FROM ${quoteIdent(options.mappingTable)} WHERE name = ${params.bind(then.mapping)} GROUP BY key) AS ${m} ON ${m}.key = ${value}`,
          )
        }
        targets.push(`nullif(${m}.value, '') AS ${alias}`)
      }
      branches.push({
        when: `${when} AND ${alias} IS NOT NULL`,
        kind: 'direct',
        target: alias,
        pool: null,
        rule: null,
      })
    }
    const last = branches[branches.length - 1]
    if (last) last.rule = params.bind(rule.id)
  })

  const driverColumns = new Map<string, string>()
  const drivers: string[] = []
  dimension.pools.forEach((pool, i) => {
    if (pool.method !== 'driver' || !('field' in pool.driver)) return
    const where = `dimension "${dimension.id}", pool "${pool.id}", driver`
    const value = params.field(pool.driver.field, `${where}.field`)
    const when = conditionsSql(pool.driver.when, params, where)
    const alias = `__d${i}`
    driverColumns.set(pool.id, alias)
    drivers.push(`CASE WHEN ${when} THEN TRY_CAST(${value} AS DECIMAL(38,18)) END AS ${alias}`)
  })

  const selectBy = (pick: (b: Branch) => string | null, otherwise: string): string => {
    const arms = branches.map((b, i) => `WHEN ${i + 1} THEN ${pick(b) ?? 'NULL'}`)
    return arms.length ? `CASE "__sel" ${arms.join(' ')} ELSE ${otherwise} END` : otherwise
  }
  const selector = branches.length
    ? `CASE ${branches.map((b, i) => `WHEN ${b.when} THEN ${i + 1}`).join(' ')} ELSE 0 END`
    : '0'
  const lit = (text: string): string => quoteLiteral(text)
  const columns = [
    'row_number() OVER () AS __rid',
    `${selectBy((b) => lit(b.kind), lit('unallocated'))} AS kind`,
    `${selectBy((b) => b.target, lit(UNALLOCATED_TARGET))}::VARCHAR AS target`,
    `${selectBy((b) => b.pool, 'NULL')}::VARCHAR AS pool`,
    `${selectBy((b) => b.rule, 'NULL')}::VARCHAR AS rule`,
    `${selectBy((b) => b.groupKey ?? "''", "''")}::VARCHAR AS gk`,
    ...LINE_SOURCE_COLUMNS.map((c) => quoteIdent(c)),
    `coalesce("BillingCurrency", '') AS cur`,
    `CAST(coalesce(${quoteIdent(metric)}, 0) AS DECIMAL(38,18)) AS amount`,
    'CAST(coalesce("EffectiveCost", 0) AS DECIMAL(38,18)) AS eff',
    '"CommitmentDiscountId" AS cdi',
    '"CommitmentDiscountStatus" AS cds',
    ...driverColumns.values(),
  ]
  for (const c of LINE_SOURCE_COLUMNS) {
    if (!options.columns.has(c)) fail('WORKSPACE_INVALID', `The focus view has no column ${c}.`)
  }
  const sql = `WITH src AS (
  SELECT *, ${tagsListSql(params, jsonKeyPath)} FROM focus WHERE ${periodFilter}
), m AS (
  SELECT src.*${targets.map((t) => `, ${t}`).join('')}${drivers.map((d) => `, ${d}`).join('')}
  FROM src ${joins.join(' ')}
), s AS (
  SELECT *, ${selector} AS "__sel" FROM m
)
SELECT ${columns.join(',\n  ')}
FROM s`
  return { sql, params: params.values, driverColumns }
}
