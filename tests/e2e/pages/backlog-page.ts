/** Savings → Backlog: the items by priority, the candidates with Accept, realized savings. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Backlog tab. */
export class BacklogPage {
  constructor(readonly page: Page) {}

  /** Opens Savings → Backlog and waits for the backlog, candidates and realized savings. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-savings').click()
    await this.page.getByTestId('tab-backlog').click()
    await this.settled()
  }

  /** Waits until nothing is being read or saved. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('backlog-panel')).toHaveAttribute('aria-busy', 'false')
  }

  /** The candidate row with `key`. */
  candidate(key: string): Locator {
    return this.page.locator(`[data-testid="backlog-candidate"][data-key="${key}"]`)
  }

  /** All candidate rows. */
  get candidates(): Locator {
    return this.page.getByTestId('backlog-candidate')
  }

  /** Accepts the candidate with `key` and waits for the backlog to be read again. */
  async accept(key: string): Promise<void> {
    await this.candidate(key).getByTestId('candidate-accept').click()
    await expect(this.candidate(key).getByTestId('candidate-accepted')).toBeVisible()
    await this.settled()
  }

  /** The backlog's item rows, by priority. */
  get items(): Locator {
    return this.page.getByTestId('backlog-item')
  }

  /** Marks the `index`-th item done on `day` through its edit form and waits for the figures. */
  async markDone(index: number, day: string): Promise<void> {
    await this.items.nth(index).getByTestId('backlog-edit').click()
    const form = this.page.getByTestId('backlog-form')
    await form.getByTestId('form-status').click()
    await this.page.getByRole('option', { name: 'done', exact: true }).click()
    await form.getByTestId('form-change-date').fill(day)
    await form.getByTestId('form-save').click()
    await expect(form).toBeHidden()
    await this.settled()
  }

  /** The realized savings rows. */
  get realized(): Locator {
    return this.page.getByTestId('realized-row')
  }
}
