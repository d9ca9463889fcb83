/** Explore's saved-views bar: save the pivot under a name, open a view, undo/redo. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the saved-views bar. */
export class ViewsPage {
  constructor(readonly page: Page) {}

  /** The bar itself. */
  get bar(): Locator {
    return this.page.getByTestId('saved-views')
  }

  /** Saves the current pivot as `name`. */
  async save(name: string): Promise<void> {
    await this.page.getByTestId('view-name').fill(name)
    await this.page.getByTestId('save-view').click()
  }

  /** Opens a saved view by name. */
  async open(name: string): Promise<void> {
    const select = this.page.getByTestId('view-select')
    await select.click()
    await this.page.getByRole('option', { name, exact: true }).click()
    await expect(select).toHaveValue(name)
  }

  /** The undo button. */
  get undo(): Locator {
    return this.page.getByTestId('spec-undo')
  }
}
