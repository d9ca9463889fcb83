/** Reports: what the pack is about, its preview, and the export with its files. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** Page object of the reports screen. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  /** Chooses chargeback or showback. */
  async kind(kind: 'Chargeback' | 'Showback'): Promise<void> {
    await this.page.getByTestId('report-kind').getByText(kind, { exact: true }).click()
  }

  /** Picks the billing period (YYYY-MM). */
  async period(period: string): Promise<void> {
    await this.page.getByTestId('report-period').click()
    await this.page.getByRole('option', { name: new RegExp(`\\(${period}\\)`) }).click()
  }

  /** Takes the cost centers from the saved allocation rules. */
  async bySavedRules(): Promise<void> {
    await this.page
      .getByTestId('report-source')
      .getByText(/^Saved rules/)
      .click()
  }

  /** Picks the business metric a showback pack lists its unit costs by. */
  async unitMetric(metric: string): Promise<void> {
    await this.page.getByTestId('report-unit-metric').click()
    await this.page.getByRole('option', { name: metric, exact: true }).click()
    await expect(this.page.getByTestId('report-unit-metric')).toHaveValue(metric)
  }

  /** Waits until the preview of `period` is shown and current. */
  async waitForPreview(title: string): Promise<void> {
    await expect(this.preview.getByRole('heading', { name: title })).toBeVisible()
    await expect(this.page.getByTestId('export-pack')).toBeEnabled()
  }

  /** The pack's summary. */
  get preview(): Locator {
    return this.page.getByTestId('report-preview')
  }

  /** A summary row by cost center. */
  row(target: string): Locator {
    return this.preview.locator(`[data-testid="report-row"][data-target="${target}"]`)
  }

  /** The charged total of a currency as shown (data-value is the exact cents). */
  total(currency: string): Locator {
    return this.page.getByTestId(`report-total-${currency}`).locator('[data-value]')
  }

  /** The reconciliation line of a currency. */
  reconciliation(currency: string): Locator {
    return this.page.getByTestId(`report-reconciliation-${currency}`)
  }

  /** Sets the journal's credit account (saved when the field loses focus). */
  async creditAccount(account: string): Promise<void> {
    const field = this.page.getByTestId('credit-account')
    await field.fill(account)
    await field.blur()
  }

  /** Uploads a ledger mapping CSV and waits until the screen states what it holds. */
  async uploadLedger(path: string, status: RegExp): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('ledger-upload').click(),
    ])
    await chooser.setFiles(path)
    await expect(this.page.getByTestId('ledger-status')).toHaveText(status)
  }

  /** The cost centers of the preview, in its order. */
  async targets(): Promise<string[]> {
    return this.preview
      .locator('[data-testid="report-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target') ?? ''))
  }

  /** Starts the export and waits until it is done. */
  async exportPack(): Promise<void> {
    await this.page.getByTestId('export-pack').click()
    await expect(this.page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 })
  }

  /** The files of the written pack. */
  get files(): Locator {
    return this.page.getByTestId('export-file')
  }

  /** A file of the written pack by its name. */
  file(name: string): Locator {
    return this.page.locator(`[data-testid="export-file"][data-name="${name}"]`)
  }

  /** Downloads the whole pack as one ZIP. */
  async downloadZip(): Promise<Download> {
    const link = this.page.getByTestId('download-zip')
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()])
    return download
  }

  /** Downloads one file of the pack by its name. */
  async download(name: string): Promise<Download> {
    const link = this.page.locator(`[data-testid="export-file"][data-name="${name}"] a`)
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()])
    return download
  }
}
