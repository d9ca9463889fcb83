/** The app frame: opening Focal with its token, the header and the navigation. */
import { expect, type Locator, type Page } from '@playwright/test'
import { E2E_TOKEN } from '../support/host'

/** The screens of the navigation. */
export type ScreenName = 'workspace' | 'import' | 'loaded' | 'explore' | 'allocate' | 'reports'

/** Page object of the app shell. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens Focal the way a person does: the URL the host printed, token included. */
  async open(): Promise<void> {
    await this.page.goto(`/?token=${encodeURIComponent(E2E_TOKEN)}`)
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  }

  /** Goes to a screen through the navigation. */
  async goTo(screen: ScreenName): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click()
  }

  /** The open workspace's name in the header. */
  get workspaceName(): Locator {
    return this.page.getByTestId('workspace-name')
  }
}
