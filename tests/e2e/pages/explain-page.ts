/** "Explain this number" for a report figure: the Explain drawer and the audit entry's figures. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** Page object of the Explain drawer (renderer/src/features/audit/explain-drawer.tsx). */
export class ExplainPage {
  constructor(readonly page: Page) {}

  /** The drawer's content; aria-busy is "false" once the chain is read. */
  get drawer(): Locator {
    return this.page.getByTestId('explain-drawer')
  }

  /** The figure line; data-value is the exact figure. */
  get figure(): Locator {
    return this.page.getByTestId('explain-figure')
  }

  /** Waits until the chain is shown. */
  async waitForChain(): Promise<void> {
    await expect(this.drawer).toHaveAttribute('aria-busy', 'false')
    await expect(this.page.getByTestId('explain-chain')).toBeVisible()
  }

  /** Opens the audit entry of the latest pack of `kind` and explains `target`'s figure. */
  async fromAuditEntry(kind: 'chargeback' | 'showback', target: string): Promise<void> {
    await this.page
      .locator(`[data-testid="audit-entry"][data-action="report.${kind}"]`)
      .first()
      .click()
    const figure = this.page.locator(`[data-testid="audit-report-figure"][data-target="${target}"]`)
    await expect(figure).toBeVisible()
    await figure.getByTestId('audit-explain').click()
    await this.waitForChain()
  }

  /** A part (rule or pool) of the figure by its id. */
  part(id: string): Locator {
    return this.page.locator(`[data-testid="explain-part"][data-part="${id}"]`)
  }

  /** Downloads the evidence bundle. */
  async downloadBundle(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId('explain-evidence').click()
    return download
  }
}
