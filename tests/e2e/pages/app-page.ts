/** The app frame: opening Focal with its token, the header and the navigation. */
import { expect, type Locator, type Page } from '@playwright/test'
import { E2E_TOKEN } from '../support/host'

import type { Screen } from '../../../renderer/src/state/session-slice'

/** The screens of the navigation (the app's own list). */
export type ScreenName = Screen

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

  /** A screen's entry in the navigation. */
  navItem(screen: ScreenName): Locator {
    return this.page.getByTestId(`nav-${screen}`)
  }

  /**
   * Presses Tab until the entry of `screen` has the focus (at most `limit` presses), the way a
   * keyboard user gets there; returns the test ids focused on the way.
   */
  async tabTo(screen: ScreenName, limit = 40): Promise<string[]> {
    const seen: string[] = []
    for (let press = 0; press < limit; press += 1) {
      await this.page.keyboard.press('Tab')
      const focused = await this.page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? '',
      )
      seen.push(focused)
      if (focused === `nav-${screen}`) return seen
    }
    throw new Error(`Tab never reached the ${screen} entry; focused on the way: ${seen.join(', ')}`)
  }

  /** The open workspace's name in the header. */
  get workspaceName(): Locator {
    return this.page.getByTestId('workspace-name')
  }
}
