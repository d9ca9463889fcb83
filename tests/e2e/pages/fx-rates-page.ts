/** The reporting currency and exchange rates on the Reports screen (features/reports/fx-rates.tsx). */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the exchange rate fields. */
export class FxRatesPage {
  constructor(readonly page: Page) {}

  /** What the fields say about the rates; aria-busy is "false" once an upload has ended. */
  get status(): Locator {
    return this.page.getByTestId('fx-status')
  }

  /** Uploads a rates CSV and waits until the upload has ended. */
  async upload(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('fx-upload').click(),
    ])
    await chooser.setFiles(path)
    await expect(this.status).toHaveAttribute('aria-busy', 'false')
  }

  /** Types the reporting currency. */
  async reportingCurrency(code: string): Promise<void> {
    await this.page.getByTestId('reporting-currency').fill(code)
  }
}
