/**
 * The SQL of presentation mode (issue 11, Privacy): a TEMP view named `cost_rows` on a reader
 * connection, over the workspace's stored rows, with account ids and names, resource ids and
 * names and tag values replaced by stable aliases. DuckDB binds an unqualified name to the
 * connection's temp objects first, the stored focus view's own `FROM cost_rows` included, so
 * every reader on that connection (pivots, the rows drawer and a row's detail, exports,
 * reports) sees aliases without knowing of the mode, and a filter on an alias matches it.
 * The inner table is named with its catalog: `main.cost_rows` alone binds back to the temp view.
 */
import { createHash } from 'node:crypto'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'

/**
 * The masked columns and the prefix of their aliases; an id and a name never share an alias.
 * A commitment is a resource in FOCUS (its purchase row's ResourceId is its
 * CommitmentDiscountId), so its id and name take the resource prefixes: one value has one
 * alias in every column, a purchase row shows the same alias twice, and filtering either
 * column by it finds the commitment's rows. Own prefixes would give the value two aliases.
 */
export const MASKED_COLUMNS: ReadonlyArray<{ column: string; prefix: string }> = [
  { column: 'BillingAccountId', prefix: 'acct-' },
  { column: 'SubAccountId', prefix: 'acct-' },
  { column: 'BillingAccountName', prefix: 'account-' },
  { column: 'SubAccountName', prefix: 'account-' },
  { column: 'ResourceId', prefix: 'res-' },
  { column: 'AllocatedResourceId', prefix: 'res-' },
  { column: 'ResourceName', prefix: 'resource-' },
  { column: 'AllocatedResourceName', prefix: 'resource-' },
  { column: 'CommitmentDiscountId', prefix: 'res-' },
  { column: 'CommitmentDiscountName', prefix: 'resource-' },
]

/** The tag columns whose values are masked (keys stay readable). */
export const MASKED_TAG_COLUMNS = ['Tags', 'AllocatedTags'] as const

/** The meta key of the workspace's alias salt: random, so an alias cannot be guessed from a public id. */
export const SALT_KEY = 'presentation_salt'

/** Reads the salt. */
export const SALT_SQL = `SELECT value FROM meta WHERE key = '${SALT_KEY}'`

/** Stores a new salt. */
export const INSERT_SALT_SQL = `INSERT INTO meta VALUES ('${SALT_KEY}', ?)`

/** The database (catalog) a connection reads: the temp view names the real view through it. */
export const CATALOG_SQL = 'SELECT current_database() AS name'

/** Removes the masking view of a connection. */
export const DROP_MASK_SQL = 'DROP VIEW IF EXISTS temp.main.cost_rows'

// The same value gives the same alias in every column of one prefix, on every screen and
// export, in every session: the hash covers the salt and the value only. 10 hex digits keep
// collisions out of any real account or resource list (a collision would merge two rows
// of a pivot, so the test checks the alias count equals the id count).
const ALIAS_HEX_DIGITS = 10

/** The alias rule in SQL: `value` is an SQL expression of the real text. */
export function aliasSql(prefix: string, salt: string, value: string): string {
  return `(${quoteLiteral(prefix)} || left(sha256(${quoteLiteral(salt)} || ${value}), ${ALIAS_HEX_DIGITS}))`
}

/**
 * The same rule in TypeScript, for values stored outside the cost rows (a budget's value, an
 * anomaly's series): DuckDB's sha256 hashes the UTF-8 bytes and prints lower-case hex.
 */
export function aliasText(prefix: string, salt: string, value: string): string {
  const digest = createHash('sha256')
    .update(salt + value, 'utf8')
    .digest('hex')
  return prefix + digest.slice(0, ALIAS_HEX_DIGITS)
}

/** The text a tag value's alias is made of: its key and value, so `team=core` and `owner=core` differ. */
export function tagAliasSource(key: string, value: string): string {
  return `${key}=${value}`
}

/** Tag keys the alias policy reads as another key: original key → canonical key. */
export type TagCanonicals = ReadonlyMap<string, string>

// A tag value's alias is made of its canonical key (shared/tags/resolve.ts), so `Team=core`
// and `team=core`, one tag under the alias policy, get one alias: the one a budget or an
// anomaly on tag:team shows, and one group in a pivot by the tag.
function canonicalKeySql(key: string, canonicals: TagCanonicals): string {
  if (canonicals.size === 0) return key
  const cases = [...canonicals].map(([k, c]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(c)}`)
  return `(CASE ${key} ${cases.join(' ')} ELSE ${key} END)`
}

// Keys stay as written; each listed key's value (or every key's when `tagKeys` is null) becomes
// an alias of its canonical key and value, so `team=core` and `owner=core` differ. A Tags text
// that is not a JSON object is masked whole.
function maskedTags(
  column: string,
  salt: string,
  tagKeys: readonly string[] | null,
  canonicals: TagCanonicals,
): string {
  const c = quoteIdent(column)
  const canonical = canonicalKeySql('k', canonicals)
  const masked = aliasSql('tag-', salt, `${canonical} || '=' || coalesce(${c} ->> k, '')`)
  const listed = (tagKeys ?? []).map(quoteLiteral).join(', ') || 'NULL'
  const value =
    tagKeys === null
      ? masked
      : `CASE WHEN k IN (${listed}) OR ${canonical} IN (${listed}) THEN ${masked} ELSE ${c} ->> k END`
  const rebuilt = `CASE WHEN len(json_keys(${c})) = 0 THEN '{}' ELSE to_json(map_from_entries(list_transform(json_keys(${c}), k -> {'k': k, 'v': ${value}})))::VARCHAR END`
  return `CASE WHEN ${c} IS NULL THEN NULL WHEN json_valid(${c}) AND json_type(${c}) = 'OBJECT' THEN ${rebuilt} ELSE ${aliasSql('tag-', salt, c)} END AS ${c}`
}

/**
 * The TEMP view masking `catalog`'s stored rows; only columns the table has are replaced. A tag
 * value's alias is made of its key as `canonicals` reads it.
 */
export function maskViewSql(
  catalog: string,
  salt: string,
  columns: ReadonlySet<string>,
  tagKeys: readonly string[] | null,
  canonicals: TagCanonicals = new Map(),
): string {
  const replaced = [
    ...MASKED_COLUMNS.filter((m) => columns.has(m.column)).map(
      (m) => `${aliasSql(m.prefix, salt, quoteIdent(m.column))} AS ${quoteIdent(m.column)}`,
    ),
    ...MASKED_TAG_COLUMNS.filter((t) => columns.has(t)).map((t) =>
      maskedTags(t, salt, tagKeys, canonicals),
    ),
  ]
  const source = `${quoteIdent(catalog)}.main.cost_rows`
  const body = replaced.length
    ? `SELECT * REPLACE (${replaced.join(', ')}) FROM ${source}`
    : `SELECT * FROM ${source}`
  return `CREATE OR REPLACE TEMP VIEW cost_rows AS ${body}`
}
