/** Savings → Commitments: the period picker, the totals per currency, the table per commitment, the expiries. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Commitments tab. */
export class CommitmentsPage {
  constructor(readonly page: Page) {}

  /** Opens Savings through the navigation, then its Commitments tab, and waits for its figures. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-savings').click()
    await this.page.getByTestId('tab-commitments').click()
    await this.settled()
  }

  /** The tab, busy while its figures are read. */
  get panel(): Locator {
    return this.page.getByTestId('commitments')
  }

  /** Waits until the figures asked are on screen. */
  async settled(): Promise<void> {
    await expect(this.panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  }

  /** Picks a billing period (YYYY-MM) and waits for its figures. */
  async choosePeriod(period: string): Promise<void> {
    const input = this.page.getByTestId('commitments-period')
    await input.click()
    await this.page.getByRole('option', { name: period, exact: true }).click()
    await expect(input).toHaveValue(period)
    await this.settled()
  }

  /** The totals card of a currency. */
  totals(currency: string): Locator {
    return this.page.locator(`[data-testid="commitment-totals"][data-currency="${currency}"]`)
  }

  /** The table's row of a commitment discount. */
  row(id: string): Locator {
    return this.page
      .getByTestId('commitment-table')
      .locator(`[data-testid="commitment-row"][data-id="${id}"]`)
  }
}
