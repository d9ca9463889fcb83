/**
 * SQL of the Contract Commitment dataset (schema.ts CONTRACT_COMMITMENT_TABLES):
 * storing a staged file's rows, their sums, and a delivery's identity. A file is
 * identified by what it stored, as cost deliveries are (delivery-identity-sql.ts):
 * a fingerprint of its rows' dataset values, so the same commitments in other
 * bytes, gzipped, as Parquet or renamed are the same delivery; and a commitment
 * is identified by its ContractCommitmentId (FOCUS 1.4 §ContractCommitmentId).
 */
import { CONTRACT_COMMITMENT_COLUMNS } from '../../../shared/focus/contract-commitment'
import type { MappedColumn } from '../../../shared/formats/focus-header'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import type { CostColumns } from '../ingest/source-columns'
import { canonicalValue, sourceRowExpr, stagedValue, type SourceKind } from '../ingest/stage-sql'

/** The source columns reconciliation's second reader sums for a Contract Commitment file. */
export const COMMITMENT_COST_COLUMNS: CostColumns = {
  billed: ['ContractCommitmentCost'],
  effective: [],
  // ContractCommitmentCost is in the billing currency (FOCUS 1.4 §ContractCommitmentCost).
  currency: 'BillingCurrency',
}

/** What the insert reads: the stage, its kind and types, the mapping and provenance. */
export interface CommitmentInsert {
  readonly table: string
  readonly kind: SourceKind
  readonly sourceTypes: readonly string[]
  readonly columns: readonly MappedColumn[]
  readonly extra: readonly MappedColumn[]
  readonly importId: number
  readonly fileName: string
  readonly format: string
}

/** Inserts every staged row into contract_commitments, typed, with its provenance. */
export function insertCommitmentsSql(input: CommitmentInsert): string {
  const value = (c: MappedColumn): string =>
    canonicalValue(c, input.kind, input.sourceTypes[c.index] ?? 'VARCHAR')
  const targets = input.columns.map((c) => quoteIdent(c.target))
  const values = input.columns.map(value)
  // Columns outside the dataset, kept by source name; a key with no value is left out.
  const extra =
    input.extra.length > 0
      ? `nullif(json_object(${input.extra.map((c) => `${quoteLiteral(c.source)}, ${value(c)}`).join(', ')})::VARCHAR, '{}')`
      : 'NULL'
  return `INSERT INTO contract_commitments (${[...targets, 'x_Extra', 'x_ImportId', 'x_SourceFile', 'x_SourceRow', 'x_SourceFormat'].join(', ')})
    SELECT ${[...values, extra].join(', ')}, ${input.importId}, ${quoteLiteral(input.fileName)},
      ${sourceRowExpr(input.kind)} + 1, ${quoteLiteral(input.format)}
    FROM ${quoteIdent(input.table)}`
}

/** The first staged row (0-based) whose ContractCommitmentId is empty, or none. */
export function missingIdSql(table: string, id: MappedColumn, kind: SourceKind): string {
  const value = stagedValue(id, kind)
  return `SELECT min(${sourceRowExpr(kind)}) AS r, count(*) AS n FROM ${quoteIdent(table)}
    WHERE ${value} IS NULL OR CAST(${value} AS VARCHAR) = ''`
}

/** Per currency, the rows and ContractCommitmentCost import $1 stored (the shape of CurrencySums). */
export const STORED_SUMS_SQL = `SELECT BillingCurrency AS currency, count(*)::BIGINT AS n,
    sum(ContractCommitmentCost)::VARCHAR AS billed, NULL AS effective
  FROM contract_commitments WHERE x_ImportId = $1 GROUP BY 1`

/** A rows' content fingerprint per import: row count and the order-free sum of its dataset values' hash. */
const FINGERPRINTS = `fingerprints AS (
    SELECT x_ImportId AS import_id, count(*)::VARCHAR || ':' || sum(hash(${CONTRACT_COMMITMENT_COLUMNS.map(
      (c) => quoteIdent(c.name),
    ).join(', ')})::HUGEINT)::VARCHAR AS fingerprint
    FROM contract_commitments GROUP BY 1)`

/** Earlier imports holding exactly the rows import $1 holds, and whether a later import superseded them. */
export const SAME_CONTENT_SQL = `WITH ${FINGERPRINTS}
  SELECT e.import_id, i.file_name,
    (SELECT max(s.superseded_by) FROM superseded_commitments s WHERE s.import_id = e.import_id) AS superseded_by
  FROM fingerprints e JOIN fingerprints m ON m.import_id = $1 AND e.fingerprint = m.fingerprint
  JOIN imports i ON i.id = e.import_id
  WHERE e.import_id <> $1 ORDER BY e.import_id`

/** Commitments of import alias `c` that no later import superseded. */
export function countedSql(c: string): string {
  return `NOT EXISTS (SELECT 1 FROM superseded_commitments s
    WHERE s.import_id = ${c}.x_ImportId AND s.commitment_id = ${c}.ContractCommitmentId)`
}

/**
 * Earlier imports whose counted commitments share a ContractCommitmentId with import $1:
 * how many of their counted ids it restates, and how many it does not.
 */
export const OVERLAPS_SQL = `WITH
  mine AS (SELECT DISTINCT ContractCommitmentId AS id FROM contract_commitments WHERE x_ImportId = $1),
  counted AS (
    SELECT DISTINCT c.x_ImportId AS import_id, c.ContractCommitmentId AS id, m.id IS NOT NULL AS restated
    FROM contract_commitments c LEFT JOIN mine m ON m.id = c.ContractCommitmentId
    WHERE c.x_ImportId <> $1 AND ${countedSql('c')})
  SELECT c.import_id, i.file_name, count(*) FILTER (WHERE restated)::INTEGER AS shared,
    count(*) FILTER (WHERE NOT restated)::INTEGER AS others
  FROM counted c JOIN imports i ON i.id = c.import_id
  GROUP BY 1, 2 HAVING count(*) FILTER (WHERE restated) > 0 ORDER BY 1`

/** Marks the counted commitments of earlier import $1 that import $2 also holds superseded by $2. */
export const SUPERSEDE_SQL = `INSERT INTO superseded_commitments
  SELECT DISTINCT c.x_ImportId, c.ContractCommitmentId, $2 FROM contract_commitments c
  WHERE c.x_ImportId = $1 AND ${countedSql('c')}
    AND c.ContractCommitmentId IN (SELECT ContractCommitmentId FROM contract_commitments WHERE x_ImportId = $2)`

/** An ISO UTC text of a TIMESTAMPTZ column. */
const iso = (column: string): string => `strftime(${column}, '%Y-%m-%dT%H:%M:%SZ')`

/** Every counted commitment as the read API lists it. */
export const LIST_COMMITMENTS_SQL = `SELECT c.ContractCommitmentId AS id, c.ContractId AS contract_id,
    c.ContractCommitmentCategory AS category, c.ContractCommitmentType AS type,
    c.ContractCommitmentDescription AS description,
    ${iso('c.ContractCommitmentPeriodStart')} AS start, ${iso('c.ContractCommitmentPeriodEnd')} AS "end",
    c.ContractCommitmentCost::VARCHAR AS cost, c.BillingCurrency AS currency,
    c.ContractCommitmentQuantity::VARCHAR AS quantity, c.ContractCommitmentUnit AS unit,
    c.x_ImportId AS import_id, c.x_SourceFile AS file_name
  FROM contract_commitments c WHERE ${countedSql('c')}
  ORDER BY c.ContractCommitmentPeriodStart NULLS LAST, c.ContractCommitmentId, c.x_ImportId, c.x_SourceRow`

/** Per currency, how many counted commitments and their ContractCommitmentCost. */
export const COMMITMENT_TOTALS_SQL = `SELECT c.BillingCurrency AS currency, count(*)::BIGINT AS n,
    coalesce(sum(c.ContractCommitmentCost), 0)::VARCHAR AS cost
  FROM contract_commitments c WHERE ${countedSql('c')}
  GROUP BY 1 ORDER BY 1 NULLS LAST`

/** A commitment row's dataset values, hashed: equal when a restated row did not change. */
const CONTENT_HASH = (alias: string): string =>
  `hash(${CONTRACT_COMMITMENT_COLUMNS.map((c) => `${alias}.${quoteIdent(c.name)}`).join(', ')})`

/**
 * Per currency, what import $1 changed in the commitments it superseded: its commitments
 * whose id the superseded rows lack are added, those whose values differ are changed;
 * superseded ids it lacks are removed. The cost difference is its rows' minus theirs.
 */
export const DELTA_SQL = `WITH
  old AS (
    SELECT c.BillingCurrency AS cur, c.ContractCommitmentId AS id, ${CONTENT_HASH('c')} AS f, c.ContractCommitmentCost AS cost
    FROM contract_commitments c JOIN superseded_commitments s
      ON s.import_id = c.x_ImportId AND s.commitment_id = c.ContractCommitmentId
    WHERE s.superseded_by = $1),
  new AS (
    SELECT c.BillingCurrency AS cur, c.ContractCommitmentId AS id, ${CONTENT_HASH('c')} AS f, c.ContractCommitmentCost AS cost
    FROM contract_commitments c WHERE c.x_ImportId = $1),
  kinds AS (
    SELECT n.cur, CASE
      WHEN NOT EXISTS (SELECT 1 FROM old o WHERE o.id = n.id) THEN 'added'
      WHEN EXISTS (SELECT 1 FROM old o WHERE o.id = n.id AND o.f = n.f) THEN 'unchanged'
      ELSE 'changed' END AS kind FROM new n
    UNION ALL
    SELECT o.cur, 'removed' FROM old o WHERE NOT EXISTS (SELECT 1 FROM new n WHERE n.id = o.id)),
  money AS (
    SELECT cur, sum(cost) AS d FROM (SELECT cur, cost FROM new UNION ALL SELECT cur, -cost FROM old) GROUP BY cur)
  SELECT m.cur AS currency,
    count(*) FILTER (WHERE k.kind = 'added')::INTEGER AS added,
    count(*) FILTER (WHERE k.kind = 'removed')::INTEGER AS removed,
    count(*) FILTER (WHERE k.kind = 'changed')::INTEGER AS changed,
    coalesce(any_value(m.d), 0)::VARCHAR AS difference
  FROM money m LEFT JOIN kinds k ON k.cur IS NOT DISTINCT FROM m.cur
  WHERE EXISTS (SELECT 1 FROM old)
  GROUP BY m.cur ORDER BY m.cur NULLS FIRST`
