/** The first screen: the sample, new workspaces, the list. */
import { expect, type Page } from '@playwright/test'

/** Page object of the workspace screen. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  /** Clicks "Open sample data" and waits until What's loaded shows the sample. */
  async openSample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open sample data' }).click()
    await expect(this.page.getByRole('heading', { name: "What's loaded" })).toBeVisible()
    await expect(this.page.getByTestId('workspace-name')).toHaveText('Sample data')
  }
}
