/** The Reports screen's month card: its state, closing and reopening with a note, and its packs. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the month-close card. */
export class MonthClosePage {
  constructor(readonly page: Page) {}

  /** The card; data-state is open, closed or reopened, aria-busy while it reads or writes. */
  get card(): Locator {
    return this.page.getByTestId('month-close')
  }

  /** Waits until the card has loaded and shows `state`. */
  async waitForState(state: 'open' | 'closed' | 'reopened'): Promise<void> {
    await expect(this.card).toHaveAttribute('data-state', state, { timeout: 30_000 })
    await expect(this.card).toHaveAttribute('aria-busy', 'false')
  }

  /** Closes the month with a note and waits until it shows Closed. */
  async close(note: string): Promise<void> {
    await this.card.getByTestId('month-note').fill(note)
    await this.card.getByTestId('close-month').click()
    await this.waitForState('closed')
  }

  /** Reopens it with a note and waits until it shows Reopened. */
  async reopen(note: string): Promise<void> {
    await this.card.getByTestId('month-note').fill(note)
    await this.card.getByTestId('reopen-month').click()
    await this.waitForState('reopened')
  }

  /** The listed packs of the screen's kind, newest first. */
  get packs(): Locator {
    return this.card.getByTestId('listed-pack')
  }
}
