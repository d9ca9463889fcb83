/** Savings → Unit costs: the metrics upload, the choices, the table whose cost figures open their rows. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Unit costs tab. */
export class UnitCostsPage {
  constructor(readonly page: Page) {}

  /** Opens Savings through the navigation, then its Unit costs tab, and waits until it settles. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-savings').click()
    await this.page.getByTestId('tab-unit-costs').click()
    await this.settled()
  }

  /** The tab, busy while a run or an upload is under way. */
  get panel(): Locator {
    return this.page.getByTestId('unit-costs-panel')
  }

  /** Waits until nothing is under way. */
  async settled(): Promise<void> {
    await expect(this.panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  }

  /** What the tab says about the metrics imported. */
  get status(): Locator {
    return this.page.getByTestId('metrics-status')
  }

  /** Uploads a metrics CSV and waits until the upload and its run have ended. */
  async upload(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('metrics-upload').click(),
    ])
    await chooser.setFiles(path)
    await this.settled()
  }

  /** Slices the cost to rows whose `by` (a column or tag:<key>) is `value`, and waits for the series. */
  async slice(by: string, value: string): Promise<void> {
    await this.page.getByTestId('unit-slice-by').fill(by)
    await this.page.getByTestId('unit-slice-value').fill(value)
    await expect(this.page.getByTestId('unit-cost-method')).toContainText(`${by} is ${value}`)
    await this.settled()
  }

  /** Slices the cost to an allocation target of the saved rules, and waits for its series. */
  async target(name: string): Promise<void> {
    await this.page
      .getByTestId('unit-slice')
      .getByText('Allocation target', { exact: true })
      .click()
    await this.page.getByTestId('unit-target').click()
    await this.page.getByRole('option', { name, exact: true }).click()
    await expect(this.page.getByTestId('unit-cost-method')).toContainText(`what ${name} (`)
    await this.settled()
  }

  /** The exact cost figures of the table (data-value), in its order. */
  async costs(): Promise<string[]> {
    return this.page
      .getByTestId('unit-cost-cost')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value') ?? ''))
  }

  /** Picks the grain (Day, Week, Month) and waits for the series. */
  async grain(label: 'Day' | 'Week' | 'Month'): Promise<void> {
    await this.page.getByTestId('unit-grain').getByText(label, { exact: true }).click()
    await expect(this.page.getByTestId('unit-cost-method')).toContainText(
      `per ${label.toLowerCase()} of ChargePeriodStart`,
    )
    await this.settled()
  }

  /** The table row of a period (the first currency's). */
  row(period: string): Locator {
    return this.page.locator(`[data-testid="unit-cost-row"][data-period="${period}"]`).first()
  }
}
