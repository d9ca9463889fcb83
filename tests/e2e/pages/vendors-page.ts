/** Savings → Vendors: the as-of date, the form, the entries, renewals, overlaps and the data's vendors. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Vendors tab. */
export class VendorsPage {
  constructor(readonly page: Page) {}

  /** Opens Savings through the navigation, then its Vendors tab, and waits until it settles. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-savings').click()
    await this.page.getByTestId('tab-vendors').click()
    await this.settled()
  }

  /** The tab, busy while the register is read or changed. */
  get panel(): Locator {
    return this.page.getByTestId('vendors-panel')
  }

  /** Waits until nothing is under way. */
  async settled(): Promise<void> {
    await expect(this.panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  }

  /** Sets the date renewals are due from. */
  async asOf(date: string): Promise<void> {
    await this.page.getByTestId('vendor-as-of').fill(date)
    await expect(this.page.getByTestId('vendor-renewals')).toContainText(`from ${date}`)
    await this.settled()
  }

  /** Adds a vendor with the fields given (form field keys), and waits until the form closes. */
  async add(fields: Record<string, string>): Promise<void> {
    await this.page.getByTestId('vendor-add').click()
    for (const [key, value] of Object.entries(fields)) {
      const field = this.page.getByTestId(`vendor-field-${key}`)
      await field.fill(value)
    }
    await this.page.getByTestId('vendor-save').click()
    await expect(this.page.getByTestId('vendor-form')).toHaveCount(0)
    await this.settled()
  }

  /** The entry of a vendor entered by hand. */
  entry(name: string): Locator {
    return this.page.locator(`[data-testid="vendor-entry"][data-vendor="${name}"]`)
  }

  /** The data's cost rows of a vendor in a role. */
  costRows(name: string, role: string): Locator {
    return this.page.locator(
      `[data-testid="vendor-cost-row"][data-vendor="${name}"][data-role="${role}"]`,
    )
  }
}
