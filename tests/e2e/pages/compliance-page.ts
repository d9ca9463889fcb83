/** Savings → Tag compliance: the period, the compliant share, the policy editor and the resources to fix. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Tag compliance tab. */
export class CompliancePage {
  constructor(readonly page: Page) {}

  /** Opens Savings → Tag compliance and waits for its first figures. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-savings').click()
    await this.page.getByTestId('tab-compliance').click()
    await this.settled()
  }

  /** Waits until no report is being measured. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('compliance-panel')).toHaveAttribute('aria-busy', 'false')
  }

  /** Chooses a billing period and waits for its figures. */
  async choosePeriod(period: string): Promise<void> {
    await this.page.getByTestId('compliance-period').click()
    await this.page.getByRole('option', { name: period, exact: true }).click()
    await expect(this.page.getByTestId('compliance-period')).toHaveValue(period)
    await this.settled()
  }

  /** The compliant percentage shown for a currency. */
  percent(currency: string): Locator {
    return this.page
      .locator(`[data-testid="compliance-total"][data-currency="${currency}"]`)
      .getByTestId('compliance-percent')
  }

  /** Renames the `index`-th required key (1-based). */
  async renameKey(index: number, key: string): Promise<void> {
    await this.page.getByLabel(`Required key ${index}`, { exact: true }).fill(key)
  }

  /** Removes a required key by its name. */
  async removeKey(key: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${key}`, exact: true }).click()
  }

  /** Measures the edited policy and waits for its figures. */
  async measure(): Promise<void> {
    await this.page.getByTestId('compliance-measure').click()
    await expect(this.page.getByText('(edited policy, not saved)')).toBeVisible()
    await this.settled()
  }

  /** The resources to fix, largest first. */
  get resources(): Locator {
    return this.page.getByTestId('compliance-resource')
  }
}
