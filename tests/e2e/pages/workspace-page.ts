/** The first screen: the sample, new workspaces, the list. */
import { expect, type Page } from '@playwright/test'

/** Page object of the workspace screen. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  /**
   * Goes to the workspace screen (the app starts elsewhere when a workspace is
   * already open), clicks "Open sample data" and waits until What's loaded shows it.
   */
  async openSample(): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await this.page.getByRole('button', { name: 'Open sample data' }).click()
    await expect(this.page.getByRole('heading', { name: "What's loaded" })).toBeVisible()
    await expect(this.page.getByTestId('workspace-name')).toHaveText('Sample data')
  }
}
