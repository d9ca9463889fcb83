/** The header's presentation mode switch and badge. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of presentation mode. */
export class PresentationPage {
  constructor(readonly page: Page) {}

  /** The switch (its input). */
  get toggle(): Locator {
    return this.page.getByTestId('presentation-switch')
  }

  /** The badge every screen shows while the mode is on. */
  get badge(): Locator {
    return this.page.getByTestId('presentation-badge')
  }

  /** Switches the mode and waits until the switch is no longer busy and shows it. */
  async set(on: boolean): Promise<void> {
    await expect(this.toggle).toBeEnabled()
    await this.toggle.click({ force: true })
    await expect(this.toggle).toBeEnabled()
    if (on) await expect(this.toggle).toBeChecked()
    else await expect(this.toggle).not.toBeChecked()
  }
}
