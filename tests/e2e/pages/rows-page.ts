/** Explore's Rows drawer: a pivot cell's rows, a row's detail and its source line. */
import type { Download, Locator, Page } from '@playwright/test'

/** Page object of the Rows drawer. */
export class RowsPage {
  constructor(readonly page: Page) {}

  /** Opens the rows of the figure in the pivot table's `row`-th rendered row. */
  async openCell(row: number): Promise<void> {
    await this.page.getByTestId('pivot-table').getByTestId('pivot-cell').nth(row).click()
  }

  /** "Rows 1–50 of 123" under the table. */
  get place(): Locator {
    return this.page.getByTestId('rows-place')
  }

  /** The drawer's title: what its rows are. */
  get title(): Locator {
    return this.page.getByTestId('rows-drawer').locator('.mantine-Drawer-title')
  }

  /** Downloads the evidence bundle of the drawer's rows. */
  async downloadEvidence(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId('rows-evidence').click()
    return download
  }

  /** The drawer's table. */
  get table(): Locator {
    return this.page.getByTestId('rows-table')
  }

  /** Its rows. */
  get rows(): Locator {
    return this.table.getByTestId('rows-row')
  }

  /** Sorts by a column header (a second click reverses). */
  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click()
  }

  /** The open row's detail. */
  get detail(): Locator {
    return this.page.getByTestId('row-detail')
  }

  /** Asks for the row's source line. */
  async showInSource(): Promise<void> {
    await this.page.getByTestId('show-in-source').click()
  }
}
