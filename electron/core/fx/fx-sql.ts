/** The exchange rate tables (electron/core/fx/fx-rates.ts): each rates file imported, and its rates. */

/** Created with a new workspace and on the upgrade to format 3 (schema.ts FORMAT_3_TABLES). */
export const FX_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS fx_imports (
    id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    rates INTEGER NOT NULL, imported_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL)`,
  // rate_on: YYYY-MM-DD for a daily rate, YYYY-MM for a month's; a later import's rate for the
  // same pair and date restates an earlier one (EFFECTIVE_RATES_SQL).
  `CREATE TABLE IF NOT EXISTS fx_rates (
    import_id INTEGER NOT NULL, from_currency VARCHAR NOT NULL, to_currency VARCHAR NOT NULL,
    grain VARCHAR NOT NULL, rate_on VARCHAR NOT NULL, rate DECIMAL(38,18) NOT NULL,
    source VARCHAR NOT NULL)`,
]

/** The rates in force: per pair, grain and date, the one of the latest import. */
export const EFFECTIVE_RATES_SQL = `SELECT from_currency, to_currency, grain, rate_on,
    CAST(rate AS VARCHAR) AS rate, source, import_id
  FROM fx_rates
  QUALIFY row_number() OVER (
    PARTITION BY from_currency, to_currency, grain, rate_on ORDER BY import_id DESC) = 1
  ORDER BY from_currency, to_currency, rate_on`
