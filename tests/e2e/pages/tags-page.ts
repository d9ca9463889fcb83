/** The Tags screen: canonical tag keys, their aliases, and the edits. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the tags screen. */
export class TagsPage {
  constructor(readonly page: Page) {}

  /** Waits until the table of canonical keys is on screen. */
  async waitForTable(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Tags' })).toBeVisible()
    await expect(this.page.getByTestId('tag-groups')).toBeVisible()
  }

  /** The row of one canonical key. */
  group(canonical: string): Locator {
    return this.page.locator(`[data-testid="tag-group"][data-canonical="${canonical}"]`)
  }

  /** The aliases of a canonical key as shown: key text and "N rows". */
  async aliases(canonical: string): Promise<string[][]> {
    const rows = this.group(canonical).getByTestId('tag-alias')
    const shown: string[][] = []
    for (const alias of await rows.all()) {
      shown.push([
        await alias.locator('code').innerText(),
        (await alias.getByText(/ rows?$/).innerText()).trim(),
      ])
    }
    return shown
  }

  /** Splits an original key out of its canonical key. */
  async split(canonical: string, shownKey: string): Promise<void> {
    await this.group(canonical)
      .getByRole('button', { name: `Split ${shownKey} out of ${canonical}` })
      .click()
  }

  /** Renames a canonical key through its pencil. */
  async rename(canonical: string, name: string): Promise<void> {
    await this.group(canonical)
      .getByRole('button', { name: `Rename ${canonical}` })
      .click()
    const field = this.page.getByLabel('Canonical key')
    await field.fill(name)
    await this.page.getByRole('button', { name: 'Rename', exact: true }).click()
  }

  /** Merges a canonical key into another through its list. */
  async merge(canonical: string, into: string): Promise<void> {
    await this.group(canonical).getByLabel(`Merge ${canonical} into`).click()
    await this.page.getByRole('option', { name: into, exact: true }).click()
  }
}
