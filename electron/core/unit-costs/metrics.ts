/**
 * Business metrics kept in the workspace (`focal metrics import`, the Unit costs tab): a
 * metrics file's values stored all or nothing with the file's name and SHA-256, in one
 * transaction with its audit entry. A value for a date, metric and dimension already stored
 * replaces the earlier one, and the import says how many it replaced.
 */
import type { DuckDBValue } from '@duckdb/node-api'
import type { MetricsImportResult, MetricsList } from '../../../shared/contract/unit-costs'
import { parseMetricsCsv, type MetricValue } from '../../../shared/unit-costs/metrics-csv'
import { actorName, type Workspace } from '../workspace/workspace'
import { METRIC_IMPORTS_SQL, METRICS_LIST_SQL } from './unit-costs-sql'

/** Values bound per statement: 4 per value, well under DuckDB's parameter limits. */
const CHUNK = 500

/** Imports a metrics file's text (`fileName`: its display name; `sha256`: of its bytes). Nothing is stored when a row is bad. */
export async function importMetrics(
  ws: Workspace,
  text: string,
  fileName: string,
  sha256: string,
): Promise<MetricsImportResult> {
  const values = parseMetricsCsv(text, fileName)
  return ws.transaction(async () => {
    const [next] = await ws.all('SELECT coalesce(max(id), 0) + 1 AS id FROM metric_imports')
    const id = Number(next?.id ?? 1)
    let replaced = 0
    for (let i = 0; i < values.length; i += CHUNK) {
      const chunk = values.slice(i, i + CHUNK)
      const params: DuckDBValue[] = []
      const rows = chunk.map((v) => {
        params.push(v.metric, v.dimension ?? '', v.date, v.value)
        const n = params.length
        return `($${n - 3}, $${n - 2}, CAST($${n - 1} AS DATE), CAST($${n} AS DECIMAL(38,18)))`
      })
      const incoming = `(VALUES ${rows.join(', ')}) AS v(metric, dimension, on_date, value)`
      const [hit] = await ws.all(
        `SELECT count(*)::INT AS n FROM metric_values AS m, ${incoming}
         WHERE m.metric = v.metric AND m.dimension = v.dimension AND m.on_date = v.on_date`,
        params,
      )
      replaced += Number(hit?.n ?? 0)
      await ws.run(
        `DELETE FROM metric_values AS m USING ${incoming}
         WHERE m.metric = v.metric AND m.dimension = v.dimension AND m.on_date = v.on_date`,
        params,
      )
      await ws.run(
        `INSERT INTO metric_values SELECT metric, dimension, on_date, value, ${id} FROM ${incoming}`,
        params,
      )
    }
    await ws.run('INSERT INTO metric_imports VALUES ($1, $2, $3, $4, $5, now(), $6)', [
      id,
      fileName,
      sha256,
      values.length,
      replaced,
      actorName(),
    ])
    await ws.audit('metrics.import', fileName, {
      sha256,
      values: values.length,
      replaced,
      metrics: [...new Set(values.map((v: MetricValue) => v.metric))].sort(),
    })
    return { importId: id, fileName, sha256, values: values.length, replaced }
  })
}

/** The metrics stored and the files imported. */
export async function listMetrics(ws: Workspace): Promise<MetricsList> {
  const metrics = await ws.all(METRICS_LIST_SQL)
  const imports = await ws.all(METRIC_IMPORTS_SQL)
  return {
    metrics: metrics.map((r) => ({
      metric: String(r.metric),
      dimension: r.dimension === '' ? null : String(r.dimension),
      values: Number(r.n),
      first: String(r.first),
      last: String(r.last),
    })),
    imports: imports.map((r) => ({
      id: Number(r.id),
      fileName: String(r.file_name),
      sha256: String(r.sha256),
      values: Number(r.n),
      replaced: Number(r.replaced),
      importedAt: String(r.at),
      actor: String(r.actor),
    })),
  }
}
