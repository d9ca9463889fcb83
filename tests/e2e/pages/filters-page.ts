/** Explore's filter chips and filter editor (issue 9, Filters). */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the filter chips and the editor dialog. */
export class FiltersPage {
  constructor(readonly page: Page) {}

  /** The editor dialog. */
  get editor(): Locator {
    return this.page.getByRole('dialog')
  }

  /** The chips, in order. */
  get chips(): Locator {
    return this.page.getByTestId('filter-chip')
  }

  /** Opens the editor on a new rule and chooses the column or tag `dimension`. */
  async add(dimension: string): Promise<void> {
    await this.page.getByTestId('add-filter').click()
    await expect(this.editor).toBeVisible()
    const input = this.editor.getByTestId('filter-dimension')
    await input.click()
    await input.fill(dimension)
    await this.page.getByRole('option', { name: dimension, exact: true }).click()
    await expect(input).toHaveValue(dimension)
  }

  /** Picks a mode of the editor (Values, Text match, Range, …). */
  async mode(label: string): Promise<void> {
    await this.editor.getByTestId('filter-mode').getByText(label, { exact: true }).click()
  }

  /** Types a search and waits until the list answered it. */
  async search(text: string): Promise<void> {
    await this.editor.getByTestId('filter-search').fill(text)
    // The list says which search it answered: wait for this one, not a list still on its way.
    await expect(this.valuesList).toHaveAttribute('data-search', text)
    await expect(this.valuesList).toHaveAttribute('aria-busy', 'false')
  }

  /** The values list. */
  get valuesList(): Locator {
    return this.editor.getByTestId('filter-values')
  }

  /** The line of one value in the list (its checkbox, row count and cost). */
  valueLine(value: string): Locator {
    return this.valuesList
      .getByTestId('filter-value')
      .filter({ has: this.page.getByLabel(value, { exact: true }) })
  }

  /** Ticks values of the list. */
  async tick(...values: string[]): Promise<void> {
    await expect(this.valuesList).toHaveAttribute('aria-busy', 'false')
    for (const value of values) await this.editor.getByLabel(value, { exact: true }).check()
  }

  /** Applies the editor and waits for it to close. */
  async apply(): Promise<void> {
    await this.editor.getByTestId('filter-apply').click()
    await expect(this.editor).toBeHidden()
  }

  /** Opens the chip reading `text` in the editor. */
  async edit(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit filter ${text}`, exact: true }).click()
    await expect(this.editor).toBeVisible()
  }

  /** Removes the chip reading `text`. */
  async remove(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove filter ${text}`, exact: true }).click()
  }

  /** Removes every filter. */
  async clearAll(): Promise<void> {
    await this.page.getByTestId('clear-filters').click()
  }
}
