/** The mapping screen: a FOCUS column's source and transforms, the live preview, save and import. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the mapping screen (a dialog over the import screen). */
export class MappingPage {
  constructor(readonly page: Page) {}

  /** The open mapping screen. */
  get screen(): Locator {
    return this.page.getByRole('dialog')
  }

  /** Picks the source column (or "A constant value…") of a FOCUS column. */
  async pickSource(target: string, source: string): Promise<void> {
    await this.screen.getByLabel(`${target} source`).click()
    await this.page.getByRole('option', { name: source }).first().click()
  }

  /** Picks a value of a transform's select (decimal mark, thousands separator). */
  async pickOption(label: string, option: string): Promise<void> {
    await this.screen.getByLabel(label).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  /** Types into a transform's text field. */
  async type(label: string, text: string): Promise<void> {
    await this.screen.getByLabel(label).fill(text)
  }

  /** Cells the preview marks as values the import would refuse. */
  get errorCells(): Locator {
    return this.screen.getByTestId('mapping-cell-error')
  }

  /** Waits until the preview shows no problem with the mapping and no refused value. */
  async waitUntilReady(): Promise<void> {
    await expect(this.screen.getByTestId('mapping-problems')).toHaveCount(0)
    await expect(this.errorCells).toHaveCount(0)
    await expect(this.screen.getByTestId('mapping-save-import')).toBeEnabled()
  }
}
