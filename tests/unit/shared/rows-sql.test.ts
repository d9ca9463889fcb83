/**
 * shared/sql/rows-sql: a request naming a report figure's part is compiled only with the part's
 * rows resolved (core/evidence/part-rows.ts); without them it would read every row.
 */
import { describe, expect, it } from 'vitest'
import type { RowsPageRequest } from '../../../shared/contract/rows'
import { compileRowsPage } from '../../../shared/sql/rows-sql'
import { PivotSpecError } from '../../../shared/sql/pivot-where-sql'

const COLUMNS = ['x_ImportId', 'x_SourceRow', 'BilledCost']
const request: RowsPageRequest = {
  dateRange: null,
  filters: [],
  period: null,
  sort: null,
  offset: 0,
  limit: 50,
  part: { figure: { period: '2024-09', target: 'Web' }, pool: 'network', rule: null },
}

describe('compileRowsPage with a figure part', () => {
  it('refuses a part whose rows were not resolved', () => {
    expect(() => compileRowsPage(request, COLUMNS)).toThrow(PivotSpecError)
  })

  it('keeps only the rows of the keys table, matched on import and source row together', () => {
    const { countSql, pageSql } = compileRowsPage(request, COLUMNS, { keys: 'part_keys_1' })
    for (const sql of [countSql, pageSql])
      expect(sql).toContain(
        'EXISTS (SELECT 1 FROM "part_keys_1" AS k WHERE k.x_ImportId = focus.x_ImportId AND k.x_SourceRow = focus.x_SourceRow)',
      )
  })
})
