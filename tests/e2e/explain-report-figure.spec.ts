/**
 * "Explain this number" from a report figure (issue 11): on the sample, allocate by the example
 * rules, save them, export the September chargeback pack; on the Audit trail open the pack's
 * entry, explain Engineering's figure (the charged amount the preview showed), see its chain
 * (the pack still matches, rule version 1, its rules and pools), download the evidence bundle,
 * whose lines sum exactly to the figure, and open the source rows of its direct part and of a
 * pool: each drawer counts exactly the part's distinct source rows in lines.csv and its own
 * bundle holds exactly those rows. The Reports preview's figure opens the same explanation.
 */
import { join } from 'node:path'
import { decimalsEqual, sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { readZipEntries } from '../helpers/zip-reader'
import { ExplainPage } from './pages/explain-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const TARGET = 'Engineering'

test('explain a report figure from the audit trail: chain, rows, evidence bundle', async ({
  page,
  app,
  workspace,
  allocate,
  reports,
}, testInfo) => {
  test.setTimeout(240_000)
  const explain = new ExplainPage(page)
  const rows = new RowsPage(page)
  await app.open()
  await workspace.openSample()
  await app.goTo('allocate')
  await allocate.loadExample()
  await allocate.period('2024-09')
  await allocate.waitForPreview('2024-09')
  expect(await allocate.save('Rules for the explained pack')).toMatch(/^Saved as version \d+\.$/)

  await app.goTo('reports')
  await reports.kind('Chargeback')
  await reports.period('2024-09')
  await reports.bySavedRules()
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  const charged = await reports
    .row(TARGET)
    .locator('[data-value]')
    .first()
    .getAttribute('data-value')
  expect(charged).toMatch(/^-?\d+(\.\d+)?$/)
  await reports.exportPack()

  // The preview's figure opens the same chain, with no pack to compare yet for the preview.
  await reports.row(TARGET).getByTestId('report-explain').click()
  await explain.waitForChain()
  await expect(page.getByTestId('explain-rules')).toContainText('Version')
  await page.keyboard.press('Escape')
  await expect(explain.drawer).toBeHidden()

  await app.goTo('audit')
  await expect(page.getByTestId('audit-entries')).toHaveAttribute('aria-busy', 'false')
  await explain.fromAuditEntry('chargeback', TARGET)
  await expect(page.getByTestId('explain-matches')).toBeVisible()
  await expect(page.getByTestId('explain-rules')).toContainText('Rules for the explained pack')
  const exact = (await explain.figure.getAttribute('data-value')) ?? ''
  // The figure explained is the one the pack charged (rounded to cents from the exact sum).
  await expect(explain.figure).toContainText(`charged`)
  expect(Math.abs(Number(exact) - Number(charged))).toBeLessThan(0.01)
  await expect(explain.part('bu-engineering')).toBeVisible()
  await expect(page.getByTestId('explain-part').filter({ hasText: 'pool' }).first()).toBeVisible()
  await expect(page.getByTestId('explain-line').first()).toBeVisible()
  await screenshotPage(page, join(ROOT, 'test-results', 'explain-report-figure.png'))

  // The evidence bundle: its lines sum exactly to the figure.
  const download = await explain.downloadBundle()
  const zipPath = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(zipPath)
  const files = await readZipEntries(zipPath)
  expect(files.map((f) => f.name)).toContain('appendix.csv')
  const [header = [], ...lines] = parseCsv(
    files.find((f) => f.name === 'lines.csv')?.bytes.toString('utf8') ?? '',
  )
  const sum = sumDecimals(lines.map((l) => l[header.indexOf('amount')] ?? ''))
  expect(decimalsEqual(sum, exact)).toBe(true)
  // A part's source rows: its lines' distinct (import, source row), read from lines.csv.
  const col = (name: string): number => header.indexOf(name)
  const sourceRows = (of: string[][]): string[] =>
    [...new Set(of.map((l) => `${l[col('x_ImportId')]}:${l[col('x_SourceRow')]}`))].sort()
  const direct = sourceRows(lines.filter((l) => l[col('rule')] === 'bu-engineering'))
  const pool =
    (await page
      .getByTestId('explain-part')
      .filter({ hasText: 'pool' })
      .first()
      .getAttribute('data-part')) ?? ''
  const pooled = sourceRows(lines.filter((l) => l[col('pool')] === pool))
  expect(direct.length).toBeGreaterThan(0)
  expect(pooled.length).toBeGreaterThan(0)

  // Open rows of the direct part, then of a pool: the Rows drawer on exactly each part's source
  // rows, and the drawer's evidence bundle holds exactly those rows.
  for (const [id, expected, named] of [
    [
      'bu-engineering',
      direct,
      new RegExp(`^Rows of rule bu-engineering, source of ${TARGET}'s direct cost \\(`),
    ],
    [pool, pooled, new RegExp(`^Rows of pool .+, source of ${TARGET}'s share \\(`)],
  ] as const) {
    if (!(await explain.drawer.isVisible())) await explain.fromAuditEntry('chargeback', TARGET)
    await expect(explain.part(id).getByTestId('explain-open-rows')).toHaveAttribute(
      'data-rows',
      String(expected.length),
    )
    await explain.part(id).getByTestId('explain-open-rows').click()
    await expect(rows.place).toHaveText(
      new RegExp(`^Rows 1–\\d+ of ${expected.length.toLocaleString('en-US')}$`),
    )
    await expect(rows.title).toHaveText(named)
    if (id === 'bu-engineering')
      await screenshotPage(page, join(ROOT, 'test-results', 'explain-report-figure-rows.png'))
    const evidence = await rows.downloadEvidence()
    const evidencePath = testInfo.outputPath(`part-${id}-${evidence.suggestedFilename()}`)
    await evidence.saveAs(evidencePath)
    const [rowsHeader = [], ...bundled] = parseCsv(
      (await readZipEntries(evidencePath))
        .find((f) => f.name === 'rows.csv')
        ?.bytes.toString('utf8') ?? '',
    )
    const at = (name: string): number => rowsHeader.indexOf(name)
    expect(bundled.map((r) => `${r[at('x_ImportId')]}:${r[at('x_SourceRow')]}`).sort()).toEqual(
      expected,
    )
    await page.keyboard.press('Escape')
    await expect(rows.place).toBeHidden()
  }
})
