/** The embedded sources switch on the Workspace screen. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the "Imported files inside the workspace" card. */
export class EmbedSourcesPage {
  constructor(readonly page: Page) {}

  /** Goes to the Workspace screen and waits until the card has read the workspace's state. */
  async show(): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await expect(this.card()).toHaveAttribute('aria-busy', 'false')
  }

  /** Turns the switch on (or off) and waits until the core answered. */
  async set(on: boolean): Promise<void> {
    await this.show()
    // Mantine draws the switch over a visually hidden input: force the click onto the input.
    // The switch follows the core's answer, not the click, so wait for the state below.
    await this.switch().click({ force: true })
    await expect(this.card()).toHaveAttribute('aria-busy', 'false')
    if (on) await expect(this.switch()).toBeChecked()
    else await expect(this.switch()).not.toBeChecked()
  }

  card(): Locator {
    return this.page.getByTestId('embed-sources')
  }

  switch(): Locator {
    return this.page.getByRole('switch', { name: /Keep a compressed copy/ })
  }

  /** What the card says is inside the workspace. */
  count(): Locator {
    return this.page.getByTestId('embedded-count')
  }
}
