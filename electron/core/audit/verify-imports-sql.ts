/** SQL of the imports check (verify-imports.ts): what the log says each import stored, and what is stored. */

/** The log's record of each import that stored rows. */
export const IMPORTED_ENTRIES_SQL = `SELECT seq, subject, details FROM audit_log
  WHERE action = 'import.imported' ORDER BY seq`

/** Each import's registry row. */
export const IMPORT_RECORDS_SQL = 'SELECT id, file_name, sha256, row_count FROM imports'

/** Rows and exact sums per import and currency, as stored (superseded rows stay stored, so they count). */
export const STORED_ROW_SUMS_SQL = `SELECT x_ImportId AS id, coalesce(BillingCurrency, '') AS currency,
  count(*)::BIGINT AS rows, sum(BilledCost)::VARCHAR AS billed, sum(EffectiveCost)::VARCHAR AS effective
  FROM cost_rows GROUP BY ALL`

/** Contract Commitment rows per import. */
export const STORED_COMMITMENTS_SQL = `SELECT x_ImportId AS id, count(*)::BIGINT AS rows
  FROM contract_commitments GROUP BY ALL`
