/** The import-details drawer opened from a row of the import registry on "What's loaded". */
import { expect, type Locator, type Page } from '@playwright/test'

/** One currency's totals as the drawer shows them: exact values (data-value) per side. */
export interface ShownImportTotal {
  rows: string
  reconciled: boolean
  billedSource: string
  billedStored: string
  billedDifference: string
  effectiveSource: string
  effectiveStored: string
  effectiveDifference: string
}

/** One FOCUS rule line: its result and figures as shown. */
export interface ShownRule {
  rule: string
  result: string
  rows: string
  firstRow: string
}

/** Page object of the import-details drawer. */
export class ImportDetailsPage {
  constructor(readonly page: Page) {}

  /** The drawer itself (a dialog named "Import details"). */
  get panel(): Locator {
    return this.page.getByRole('dialog', { name: 'Import details' })
  }

  /** The keyboard handle of a file's registry row (its file name, a button). */
  opener(fileName: string): Locator {
    return this.page.getByRole('button', { name: `Details of ${fileName}` }).first()
  }

  /** Opens the details of a file's import with a mouse click on its registry row. */
  async openByClick(fileName: string): Promise<void> {
    await this.page
      .getByTestId('registry-row')
      .filter({ hasText: fileName })
      .first()
      .getByRole('cell')
      .nth(2)
      .click()
    await expect(this.panel).toBeVisible()
  }

  /**
   * A screenshot of the page with the whole drawer: the drawer scrolls inside a fixed frame, so
   * the viewport is grown to the drawer's content height for the shot, then put back.
   */
  async screenshot(path: string): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1440, height: 900 }
    const height = await this.panel.evaluate((el) => el.scrollHeight)
    await this.page.setViewportSize({
      width: viewport.width,
      height: Math.max(viewport.height, height),
    })
    await this.page.waitForTimeout(300)
    await this.page.screenshot({ path })
    await this.page.setViewportSize(viewport)
  }

  /** Closes the drawer with Escape and waits until it is gone. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.panel).toHaveCount(0)
  }

  /** The text of one fact of the facts table (details-file, details-sha256, ...). */
  async fact(testId: string): Promise<string> {
    return (await this.panel.getByTestId(testId).innerText()).trim()
  }

  /** One currency's source, stored and difference values. */
  async total(currency: string): Promise<ShownImportTotal> {
    const block = this.panel.getByTestId(`details-total-${currency}`)
    await expect(block).toBeVisible()
    const value = async (line: string, cell: string): Promise<string> =>
      (await block
        .getByTestId(`details-${line}`)
        .getByTestId(cell)
        .locator('[data-value]')
        .getAttribute('data-value')) ?? ''
    return {
      rows: (await block.getByTestId('details-rows').innerText()).trim(),
      reconciled: (await block.getByTestId('details-reconciled').count()) === 1,
      billedSource: await value('BilledCost', 'source'),
      billedStored: await value('BilledCost', 'stored'),
      billedDifference: await value('BilledCost', 'difference'),
      effectiveSource: await value('EffectiveCost', 'source'),
      effectiveStored: await value('EffectiveCost', 'stored'),
      effectiveDifference: await value('EffectiveCost', 'difference'),
    }
  }

  /** Every rule line, in the order shown. */
  async rules(): Promise<ShownRule[]> {
    const lines = this.panel.getByTestId('details-rule')
    const shown: ShownRule[] = []
    for (const line of await lines.all()) {
      shown.push({
        rule: (await line.getAttribute('data-rule')) ?? '',
        // textContent: the badge is upper-cased by CSS only.
        result: ((await line.getByTestId('rule-result').textContent()) ?? '').trim(),
        rows: (await line.getByTestId('rule-rows').innerText()).trim(),
        firstRow: (await line.getByTestId('rule-first-row').innerText()).trim(),
      })
    }
    return shown
  }

  /** The fix codes with their "n of m" row counts. */
  async fixes(): Promise<Record<string, string>> {
    const shown: Record<string, string> = {}
    for (const line of await this.panel.getByTestId('details-fix').all()) {
      const code = (await line.getAttribute('data-code')) ?? ''
      shown[code] = (await line.getByTestId('fix-rows').innerText()).trim()
    }
    return shown
  }

  /** One currency's supersession delta: rows added, removed, changed and the exact differences. */
  async delta(currency: string): Promise<Record<string, string>> {
    const cells = this.panel.getByTestId(`details-delta-${currency}`).getByRole('cell')
    const text = async (i: number): Promise<string> => (await cells.nth(i).innerText()).trim()
    const value = async (i: number): Promise<string> =>
      (await cells.nth(i).getAttribute('data-value')) ?? ''
    return {
      added: await text(1),
      removed: await text(2),
      changed: await text(3),
      billed: await value(4),
      effective: await value(5),
    }
  }

  /** The kept columns as "source → target" pairs. */
  async columnsKept(): Promise<string[]> {
    const shown: string[] = []
    for (const line of await this.panel.getByTestId('details-column').all()) {
      const [source = '', target = ''] = await line
        .getByRole('cell')
        .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()))
      shown.push(`${source} → ${target}`)
    }
    return shown
  }
}
