/** Carrying workspaces on the Workspace screen: create, Save As, the Recent list. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the Workspace screen's Save As form and Recent list. */
export class CarryPage {
  constructor(readonly page: Page) {}

  /** Creates a workspace by name through the form; waits until the app works in it. */
  async create(name: string): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await this.page.getByTestId('workspace-name-input').fill(name)
    await this.page.getByRole('button', { name: 'Create', exact: true }).click()
    await expect(this.page.getByTestId('workspace-name')).toHaveText(name)
  }

  /** Saves the open workspace as `name`; waits until the app works in the copy. */
  async saveAs(name: string): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await this.page.getByTestId('save-as-name').fill(name)
    await this.page.getByTestId('save-as-submit').click()
    await expect(this.page.getByTestId('save-as-form')).toHaveAttribute('aria-busy', 'false')
    await expect(this.page.getByTestId('workspace-name')).toHaveText(name)
  }

  /** The Recent list's rows, newest first. */
  recentRows(): Locator {
    return this.page.getByTestId('recent-row')
  }
}
