/** Weekly review → Ledger: the week, the tables per currency, a mover's drivers, explain and sign-off. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Ledger tab. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  /** Opens Weekly review → Ledger and waits for its figures. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-review').click()
    await this.page.getByTestId('tab-ledger').click()
    await this.settled()
  }

  /** Waits until the ledger is not being read. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('ledger-panel')).toHaveAttribute('aria-busy', 'false')
  }

  /** The week picker. */
  get week(): Locator {
    return this.page.getByTestId('ledger-week')
  }

  /** The table of a currency. */
  table(currency: string): Locator {
    return this.page.locator(`[data-testid="ledger-table"][data-currency="${currency}"]`)
  }

  /** The movers' rows of a currency, in order. */
  movers(currency: string): Locator {
    return this.table(currency).getByTestId('ledger-mover')
  }

  /** A mover's row by its value. */
  mover(currency: string, value: string): Locator {
    return this.table(currency).locator(`[data-testid="ledger-mover"][data-value="${value}"]`)
  }

  /** The exact amount (data-value) of a mover's this-week figure. */
  thisWeek(mover: Locator): Locator {
    return mover.getByTestId('ledger-this-week').locator('[data-value]')
  }

  /** Saves an explanation of `mover` and waits for it to show. */
  async explain(mover: Locator, text: string, owner: string): Promise<void> {
    await mover.getByTestId('ledger-explain').click()
    await this.page.getByTestId('ledger-explain-text').fill(text)
    await this.page.getByTestId('ledger-explain-owner').fill(owner)
    await this.page.getByTestId('ledger-explain-save').click()
    await expect(mover.getByTestId('ledger-explanation')).toContainText(text)
    await this.settled()
  }

  /** Signs `mover` off and waits for the signer to show. */
  async signOff(mover: Locator): Promise<void> {
    await mover.getByTestId('ledger-signoff').click()
    await expect(mover.getByTestId('ledger-signed')).toBeVisible()
    await this.settled()
  }

  /** The flagged count with the rule in words (data-count: how many movers are flagged). */
  get flagged(): Locator {
    return this.page.getByTestId('ledger-flagged')
  }

  /** Saves the sign-off threshold (empty turns a part off) and waits for the ledger to state it. */
  async setSignOff(amount: string, percent: string, rule: string): Promise<void> {
    await this.page.getByTestId('ledger-sign-off-amount').fill(amount)
    await this.page.getByTestId('ledger-sign-off-percent').fill(percent)
    await this.page.getByTestId('ledger-sign-off-save').click()
    await expect(this.flagged).toContainText(rule)
    await this.settled()
  }
}
