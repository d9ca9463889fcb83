/** Allocate: the toolbar, the rules editor, the live preview, saving a version and its history. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** Page object of the allocate screen. */
export class AllocatePage {
  constructor(readonly page: Page) {}

  /** Picks the billing period the rules are previewed on (YYYY-MM). */
  async period(period: string): Promise<void> {
    await this.page.getByTestId('alloc-period').click()
    await this.page.getByRole('option', { name: new RegExp(`\\(${period}\\)`) }).click()
  }

  /** Loads the bundled example rules (and the example tables they need). */
  async loadExample(): Promise<void> {
    await this.page.getByTestId('load-example').first().click()
    await expect(this.page.getByTestId('draft-origin')).toHaveText('Example rules')
    await expect(this.page.getByTestId('rules-table')).toBeVisible()
  }

  /** Waits until the preview shows `period` with its tables. */
  async waitForPreview(period: string): Promise<void> {
    await expect(this.preview.getByText(new RegExp(`^${period} ·`))).toBeVisible()
    await expect(this.preview.getByTestId('preview-row').first()).toBeVisible()
  }

  /** The preview panel. */
  get preview(): Locator {
    return this.page.getByTestId('allocation-preview')
  }

  /** A preview row by cost center. */
  row(target: string): Locator {
    return this.preview.locator(`[data-testid="preview-row"][data-target="${target}"]`)
  }

  /** The reconciliation line of a currency. */
  reconciliation(currency: string): Locator {
    return this.page.getByTestId(`allocation-reconciliation-${currency}`)
  }

  /** The rows of the rules table. */
  get rules(): Locator {
    return this.page.getByTestId('rule-row')
  }

  /** Saves the draft as a new version with `note`; returns the message shown. */
  async save(note: string): Promise<string> {
    await this.page.getByTestId('version-note').fill(note)
    await this.page.getByTestId('save-version').click()
    const message = this.page.getByTestId('save-message')
    await expect(message).toBeVisible()
    return (await message.innerText()).trim()
  }

  /** Downloads the draft as a JSON rule file. */
  async exportRules(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-rules').click(),
    ])
    return download
  }

  /** Picks a rule file in the page's file chooser (read by the page, checked by the engine). */
  async importRules(file: { name: string; buffer: Buffer }): Promise<void> {
    await this.page
      .locator('input[type="file"][accept*="json"]')
      .setInputFiles({ ...file, mimeType: 'application/json' })
  }

  /** Where the draft came from, as the toolbar shows it. */
  get origin(): Locator {
    return this.page.getByTestId('draft-origin')
  }

  /** The engine's list of problems with the draft. */
  get problems(): Locator {
    return this.page.getByTestId('preview-error')
  }

  /** Why the last rule file was not loaded. */
  get fileProblems(): Locator {
    return this.page.getByTestId('rules-file-error')
  }

  /** The entries of the version history, newest first. */
  get versions(): Locator {
    return this.page.getByTestId('version-item')
  }
}
