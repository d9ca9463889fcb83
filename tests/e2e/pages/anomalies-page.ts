/** Weekly review → Anomalies: the settings, the list by state, an anomaly's card and its state buttons. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Anomalies tab. */
export class AnomaliesPage {
  constructor(readonly page: Page) {}

  /** Opens Weekly review → Anomalies and waits for the scan. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-review').click()
    await this.page.getByTestId('tab-anomalies').click()
    await expect(this.page.getByTestId('anomaly-scope')).toBeVisible()
    await this.settled()
  }

  /** Waits until nothing scans or saves. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('anomalies-panel')).toHaveAttribute('aria-busy', 'false')
    const detail = this.page.getByTestId('anomaly-detail')
    if ((await detail.count()) > 0) await expect(detail).toHaveAttribute('aria-busy', 'false')
  }

  /** Stores a minimum amount and scans again. */
  async scanWith(minAmount: string): Promise<void> {
    await this.page.getByTestId('anomaly-min-amount').fill(minAmount)
    await this.page.getByTestId('anomaly-scan').click()
    await this.settled()
  }

  /** The listed anomalies. */
  get rows(): Locator {
    return this.page.getByTestId('anomaly-row')
  }

  /** The listed anomaly of a series (its values joined by " · ") in a currency. */
  row(series: string, currency: string): Locator {
    return this.page
      .locator(`[data-testid="anomaly-row"][data-series="${series}"]`)
      .filter({ hasText: currency })
  }

  /** The open anomaly's card. */
  get detail(): Locator {
    return this.page.getByTestId('anomaly-detail')
  }

  /** Shows only anomalies in a state ('All' for every one). */
  async filter(label: string): Promise<void> {
    await this.page.getByTestId('anomaly-filter').getByText(label, { exact: true }).click()
  }
}
