/** "What's loaded": the summary with its per-currency totals, and the import registry. */
import { expect, type Locator, type Page } from '@playwright/test'

/** A total line as shown: exact values (data-value) and the visible text. */
export interface ShownTotal {
  rows: string
  billed: string
  effective: string
  billedText: string
  effectiveText: string
}

/** Page object of the loaded screen. */
export class LoadedPage {
  constructor(readonly page: Page) {}

  /** Waits until the summary table is on screen. */
  async waitForTable(): Promise<void> {
    await expect(this.page.getByTestId('loaded-table')).toBeVisible()
  }

  /** The total line of one currency, read from the page. */
  async total(currency: string): Promise<ShownTotal> {
    const line = this.page.getByTestId(`loaded-total-${currency}`)
    await expect(line).toBeVisible()
    const amount = (cell: string): Locator => line.getByTestId(cell).locator('[data-value]')
    return {
      rows: (await line.getByTestId('total-rows').innerText()).trim(),
      billed: (await amount('total-billed').getAttribute('data-value')) ?? '',
      effective: (await amount('total-effective').getAttribute('data-value')) ?? '',
      billedText: (await amount('total-billed').innerText()).trim(),
      effectiveText: (await amount('total-effective').innerText()).trim(),
    }
  }

  /** The summary table's visible text (to compare before and after). */
  async summaryText(): Promise<string> {
    return this.page.getByTestId('loaded-table').innerText()
  }

  /** The summary's money: cost column headers, the table's totals and the exact totals under it. */
  moneyCells(): Locator {
    const table = this.page.getByTestId('loaded-table')
    return table
      .getByRole('columnheader', { name: /cost$/ })
      .or(table.getByTestId('sum-billed'))
      .or(table.getByTestId('sum-effective'))
      .or(this.page.getByTestId('total-billed'))
      .or(this.page.getByTestId('total-effective'))
  }

  /** The line of the Contract Commitment dataset: commitments and their cost per currency. */
  commitmentsLine(): Locator {
    return this.page.getByTestId('commitments-line')
  }

  /** The registry row of a file (the newest if there are several). */
  registryRow(fileName: string): Locator {
    return this.page.getByTestId('registry-row').filter({ hasText: fileName }).first()
  }
}
