/**
 * Imported allocation tables: mappings (a key such as an account id → a
 * target such as a cost center) and usage drivers (a value per target, per
 * period or for every period). Each import replaces the table of that name
 * in one transaction, is recorded with the file's SHA-256 and audited, so a
 * report can state which table content produced it.
 */
import { basename } from 'node:path'
import { IdSchema } from '../../../shared/allocate/rule-set'
import { fail } from '../../../shared/contract'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { sha256File } from '../ingest/hash'
import { actorName, type Workspace } from '../workspace/workspace'
import { MAPPINGS_TABLE, ensureAllocationTables } from './store'

/** What an import stored. */
export interface TableImport {
  readonly name: string
  readonly kind: 'mapping' | 'driver'
  readonly rows: number
  readonly sha256: string
}

const STAGE = '__focal_alloc_stage'

/** Imports a mapping CSV (header row; key column then value column unless named) as mapping `name`. */
export async function importMappingCsv(
  ws: Workspace,
  name: string,
  path: string,
  options: { keyColumn?: string; valueColumn?: string } = {},
): Promise<TableImport> {
  return importTable(ws, name, path, 'mapping', async (columns) => {
    const key = pick(columns, options.keyColumn, 0, 'key', path)
    const value = pick(columns, options.valueColumn, 1, 'value', path)
    const rows = `SELECT trim(${key}) AS k, trim(${value}) AS v FROM ${STAGE} WHERE nullif(trim(${key}), '') IS NOT NULL`
    const clash = await ws.all(
      `SELECT k, list(DISTINCT v ORDER BY v)[1:3] AS vs FROM (${rows}) GROUP BY k HAVING count(DISTINCT v) > 1 ORDER BY k LIMIT 1`,
    )
    if (clash[0]) {
      fail('BAD_VALUE', `${basename(path)} maps "${String(clash[0].k)}" to more than one value.`, {
        hint: 'Each key may appear once (or always with the same value).',
        details: { key: clash[0].k, values: clash[0].vs },
      })
    }
    await ws.run(`DELETE FROM ${MAPPINGS_TABLE} WHERE name = $1`, [name])
    await ws.run(
      `INSERT INTO ${MAPPINGS_TABLE} SELECT DISTINCT $1, k, coalesce(v, '') FROM (${rows})`,
      [name],
    )
    return countRows(ws, `SELECT count(*) AS n FROM ${MAPPINGS_TABLE} WHERE name = $1`, name)
  })
}

/**
 * Imports a driver CSV with columns `target`, `value` and optionally `period`
 * (YYYY-MM; rows without one apply to every period) as driver table `name`.
 */
export async function importDriverCsv(
  ws: Workspace,
  name: string,
  path: string,
): Promise<TableImport> {
  return importTable(ws, name, path, 'driver', async (columns) => {
    const target = pick(columns, 'target', -1, 'target', path)
    const value = pick(columns, 'value', -1, 'value', path)
    const period = columns.find((c) => c.toLowerCase() === 'period')
    const periodSql = period ? `nullif(trim(${quoteIdent(period)}), '')` : 'NULL'
    const rows = `SELECT row_number() OVER () + 1 AS line, trim(${target}) AS t, trim(${value}) AS v, ${periodSql} AS p FROM ${STAGE}`
    const [bad] = await ws.all(
      `SELECT line, t, v, p FROM (${rows})
       WHERE nullif(t, '') IS NULL OR TRY_CAST(v AS DECIMAL(38,18)) IS NULL OR TRY_CAST(v AS DECIMAL(38,18)) < 0
          OR (p IS NOT NULL AND NOT regexp_full_match(p, '\\d{4}-\\d{2}'))
       ORDER BY line LIMIT 1`,
    )
    if (bad) {
      fail(
        'BAD_VALUE',
        `${basename(path)} line ${String(bad.line)}: needs a target, a value ≥ 0 and an optional period YYYY-MM.`,
        {
          location: { file: basename(path), line: Number(bad.line), value: String(bad.v ?? '') },
        },
      )
    }
    const [dup] = await ws.all(
      `SELECT t, p FROM (${rows}) GROUP BY t, p HAVING count(*) > 1 ORDER BY t LIMIT 1`,
    )
    if (dup) {
      fail(
        'BAD_VALUE',
        `${basename(path)} has target "${String(dup.t)}" twice for the same period.`,
      )
    }
    await ws.run('DELETE FROM allocation_drivers WHERE name = $1', [name])
    await ws.run(
      `INSERT INTO allocation_drivers SELECT $1, p, t, CAST(v AS DECIMAL(38,18)) FROM (${rows})`,
      [name],
    )
    return countRows(ws, 'SELECT count(*) AS n FROM allocation_drivers WHERE name = $1', name)
  })
}

/** A digest of a stored table's content, stated with allocation results (rows are sorted first). */
export async function tableDigest(
  ws: Workspace,
  kind: 'mapping' | 'driver',
  name: string,
): Promise<{ rows: number; digest: string | null }> {
  const sql =
    kind === 'mapping'
      ? `SELECT count(*) AS n, sha256(string_agg(key || chr(9) || value, chr(10) ORDER BY key)) AS d FROM ${MAPPINGS_TABLE} WHERE name = $1`
      : `SELECT count(*) AS n, sha256(string_agg(coalesce(period, '*') || chr(9) || target || chr(9) || CAST(value AS VARCHAR), chr(10) ORDER BY period NULLS FIRST, target)) AS d FROM allocation_drivers WHERE name = $1`
  const [row] = await ws.all(sql, [name])
  return { rows: Number(row?.n ?? 0), digest: row?.d == null ? null : String(row.d) }
}

async function importTable(
  ws: Workspace,
  name: string,
  path: string,
  kind: 'mapping' | 'driver',
  store: (columns: string[]) => Promise<number>,
): Promise<TableImport> {
  if (!IdSchema.safeParse(name).success) {
    fail('BAD_VALUE', `"${name}" is not a valid ${kind} name.`, {
      hint: 'Use letters, digits, "_", "." or "-" (max 64).',
    })
  }
  if (ws.readOnly) fail('BAD_REQUEST', 'The workspace is open read-only.')
  await ensureAllocationTables(ws)
  const sha256 = await sha256File(path).catch(() =>
    fail('IO_ERROR', `Cannot read ${basename(path)}.`),
  )
  // DuckDB reads the table through the workspace's gate folder (file-gate.ts).
  const readable = await ws
    .admit(path)
    .catch(() => fail('IO_ERROR', `Cannot read ${basename(path)}.`))
  try {
    await ws.run(
      `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM read_csv($1, header = true, all_varchar = true, encoding = 'utf-8')`,
      [readable.path],
    )
  } catch (cause) {
    const reason = ((cause as Error).message.split('\n')[0] ?? '').replace(
      /(["'])(?:\/|[A-Za-z]:\\)[^"']*\1/g,
      basename(path),
    )
    fail('BAD_VALUE', `${basename(path)} is not a readable CSV: ${reason}`)
  } finally {
    await readable.release()
  }
  try {
    const columns = (
      await ws.all(
        `SELECT column_name FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = '${STAGE}' ORDER BY column_index`,
      )
    ).map((r) => String(r.column_name))
    const rows = await ws.transaction(async () => {
      const count = await store(columns)
      await ws.run('DELETE FROM allocation_tables WHERE name = $1 AND kind = $2', [name, kind])
      await ws.run('INSERT INTO allocation_tables VALUES ($1, $2, $3, $4, $5, now(), $6)', [
        name,
        kind,
        basename(path),
        sha256,
        count,
        actorName(),
      ])
      await ws.audit(`allocation.${kind}.import`, name, {
        file: basename(path),
        sha256,
        rows: count,
      })
      return count
    })
    return { name, kind, rows, sha256 }
  } finally {
    await ws.run(`DROP TABLE IF EXISTS ${STAGE}`)
  }
}

// A column by name (case-insensitive), else by position; quoted for SQL.
function pick(
  columns: readonly string[],
  wanted: string | undefined,
  position: number,
  role: string,
  path: string,
): string {
  const found = wanted
    ? columns.find((c) => c.toLowerCase() === wanted.toLowerCase())
    : columns[position]
  if (found === undefined) {
    fail(
      'MISSING_COLUMNS',
      `${basename(path)} has no ${role} column${wanted ? ` "${wanted}"` : ''}.`,
      {
        details: { columns },
      },
    )
  }
  return quoteIdent(found)
}

async function countRows(ws: Workspace, sql: string, name: string): Promise<number> {
  const [row] = await ws.all(sql, [name])
  return Number(row?.n ?? 0)
}
