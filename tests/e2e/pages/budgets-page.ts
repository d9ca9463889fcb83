/** Weekly review → Budgets: the month, the alerts, the budgets table and the add form. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Budgets tab. */
export class BudgetsPage {
  constructor(readonly page: Page) {}

  /** Opens Weekly review → Budgets and waits for the month's status. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-review').click()
    await this.page.getByTestId('tab-budgets').click()
    await expect(this.page.getByTestId('budget-method')).toBeVisible()
    await this.settled()
  }

  /** Waits until nothing loads or saves. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('budgets-panel')).toHaveAttribute('aria-busy', 'false')
  }

  /** The month shown (YYYY-MM). */
  get period(): Locator {
    return this.page.getByTestId('budget-period')
  }

  /** Adds a budget and waits for its row. */
  async add(budget: {
    dimension: string
    value: string
    currency: string
    amount: string
  }): Promise<void> {
    await this.page.getByTestId('budget-add-dimension').fill(budget.dimension)
    await this.page.getByTestId('budget-add-value').fill(budget.value)
    await this.page.getByTestId('budget-add-currency').fill(budget.currency)
    await this.page.getByTestId('budget-add-amount').fill(budget.amount)
    await this.page.getByTestId('budget-add-save').click()
    await expect(this.row(budget.value)).toBeVisible()
    await this.settled()
  }

  /** The table row of a budget by its value. */
  row(value: string): Locator {
    return this.page.locator(`[data-testid="budget-row"][data-value="${value}"]`)
  }

  /** Edits a budget's amount inline and waits for it to be saved. */
  async editAmount(value: string, amount: string): Promise<void> {
    const row = this.row(value)
    await row.getByTestId('budget-edit').click()
    await row.getByTestId('budget-edit-amount').fill(amount)
    await row.getByTestId('budget-edit-save').click()
    await expect(row.getByTestId('budget-edit')).toBeVisible()
    await this.settled()
  }

  /** The alerts list's items. */
  get alerts(): Locator {
    return this.page.getByTestId('budget-alert')
  }
}
