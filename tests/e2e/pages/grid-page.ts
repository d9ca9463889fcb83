/** Explore's pivot table grid: its controls, cells, scrolling, selection, clipboard and exports. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** Page object of the pivot table grid (pivot-matrix.tsx, matrix-grid.tsx). */
export class GridPage {
  constructor(readonly page: Page) {}

  /** Sets the table's measures, the axis across and the time grain, then waits for a header. */
  async build(
    measures: string[],
    axis: string,
    grain: string | null,
    header: string,
  ): Promise<void> {
    await this.page.getByTestId('table-measures').click()
    for (const m of measures) await this.page.getByRole('option', { name: m, exact: true }).click()
    await this.page.keyboard.press('Escape')
    await this.page.getByTestId('columns-axis').click()
    await this.page.getByRole('option', { name: axis, exact: true }).click()
    if (grain) await this.page.getByTestId('time-grain').getByText(grain, { exact: true }).click()
    await expect(this.grid.getByRole('columnheader', { name: header, exact: true })).toBeVisible()
    // The whole grid in the window, so what the checks measure is what a person sees.
    await this.grid.evaluate((el) => el.scrollIntoView({ block: 'end' }))
  }

  /** The grid (its scroller). */
  get grid(): Locator {
    return this.page.getByTestId('pivot-matrix')
  }

  /** Rendered rows, header row excluded. */
  get rows(): Locator {
    return this.grid.getByTestId('table-row')
  }

  /** A header cell by its exact text. */
  header(name: string): Locator {
    return this.grid.getByRole('columnheader', { name, exact: true })
  }

  /** Cell `column` (in DOM order: pinned labels first) of rendered row `row`. */
  cell(row: number, column: number): Locator {
    return this.rows.nth(row).getByRole('cell').nth(column)
  }

  /** Scrolls the grid to `left`, `top` and waits a frame for the windows to follow. */
  async scrollTo(left: number, top: number): Promise<void> {
    await this.grid.evaluate(
      (el, [x, y]) => {
        // Back in the window first: a whole-page screenshot scrolls the page to its top.
        el.scrollIntoView({ block: 'end' })
        el.scrollLeft = x!
        el.scrollTop = y!
        el.dispatchEvent(new Event('scroll'))
      },
      [left, top],
    )
  }

  /** The clipboard's text as the page reads it. */
  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText())
  }

  /** Clicks Export CSV or Export XLSX and returns the download. */
  async export(format: 'CSV' | 'XLSX'): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId(`matrix-export-${format.toLowerCase()}`).click()
    return download
  }
}
