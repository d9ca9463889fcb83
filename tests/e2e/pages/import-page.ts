/** The import screen: file input, progress, per-file outcomes. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the import screen. */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** Chooses files through the file input (as the picker would) and waits until the import has finished. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles(paths)
    await expect(this.page.getByTestId('import-results')).toBeVisible({ timeout: 60_000 })
    await expect(this.page.getByTestId('import-progress')).toHaveCount(0)
  }

  /** Answers the overlap prompt of a file's outcome (a button by its label) and waits until that import has finished. */
  async chooseOnOverlap(fileName: string, label: string): Promise<void> {
    await this.outcome(fileName)
      .getByTestId('overlap-choices')
      .getByRole('button', { name: label })
      .click()
    await expect(this.page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 })
  }

  /** The outcome card of one file. */
  outcome(fileName: string): Locator {
    return this.page
      .getByTestId('import-outcome')
      .filter({ has: this.page.getByTestId('outcome-file').getByText(fileName, { exact: true }) })
  }
}
