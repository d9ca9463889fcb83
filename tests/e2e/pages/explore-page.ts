/** Explore: the pivot builder, the chart and the windowed table. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the explore screen. */
export class ExplorePage {
  constructor(readonly page: Page) {}

  /** Picks an option of one of the builder's selects: opens it, types to filter when it is searchable, clicks the option. */
  private async choose(testId: string, option: string): Promise<void> {
    const input = this.page.getByTestId(testId)
    await input.click()
    if (await input.isEditable()) await input.fill(option)
    await this.page.getByRole('option', { name: option, exact: true }).click()
    await expect(input).toHaveValue(option)
  }

  /** Sets the first group-by. */
  async groupBy(column: string): Promise<void> {
    await this.choose('group-by-1', column)
  }

  /** Sets the second group-by ("Then by"). */
  async thenBy(column: string): Promise<void> {
    await this.choose('group-by-2', column)
  }

  /** Picks a time grain ("None", "Day", "Week", "Month", "Quarter"). */
  async timeGrain(label: string): Promise<void> {
    await this.page.getByTestId('time-grain').getByText(label, { exact: true }).click()
  }

  /** Picks a chart kind by its label in the picker and waits until a chart of it is drawn. */
  async chartKind(label: string): Promise<void> {
    await this.page.getByTestId('chart-kind').getByText(label, { exact: true }).click()
    await expect(this.page.getByTestId('chart').first()).toHaveAttribute(
      'aria-label',
      new RegExp(` ${label.toLowerCase()} chart`),
    )
    await this.waitForChart()
  }

  /** Waits until every chart of the result is drawn (a chart draws in the frame after its table). */
  async waitForChart(): Promise<void> {
    for (const chart of await this.page.getByTestId('chart').all())
      await expect(chart).toHaveAttribute('aria-busy', 'false')
  }

  /** Sets the measure. */
  async measure(name: string): Promise<void> {
    await this.choose('measure', name)
  }

  /** Waits until the result for the current pivot is shown (table column header included). */
  async waitForResult(valueHeader: string): Promise<void> {
    await expect(
      this.table.getByRole('columnheader', { name: valueHeader, exact: true }),
    ).toBeVisible()
    await expect(this.rows.first()).toBeVisible()
  }

  /** Sets Top N (the first group-by's largest values; the rest fold into one "(Other)" row). */
  async setTopN(n: number): Promise<void> {
    await this.page.getByLabel('Top N', { exact: true }).fill(String(n))
  }

  /** Types a date into "From" or "Until (exclusive)" (empty text clears it). */
  async setDate(bound: 'From' | 'Until (exclusive)', isoDate: string): Promise<void> {
    await this.page.getByLabel(bound, { exact: true }).fill(isoDate)
  }

  /** The result's card: data-spec-key names the query its figures are of, data-edit-key the one edited. */
  get result(): Locator {
    return this.page.getByTestId('pivot-result')
  }

  /** Waits until the figures on screen are those of the pivot being edited, with no run in flight. */
  async waitForCurrent(): Promise<void> {
    await expect(this.result).toHaveAttribute('aria-busy', 'false')
    await expect
      .poll(async () => {
        const shown = await this.result.getAttribute('data-spec-key')
        return shown !== '' && shown === (await this.result.getAttribute('data-edit-key'))
      })
      .toBe(true)
    await expect(this.result).toHaveAttribute('aria-busy', 'false')
  }

  /** Clicks a time grain (None, Day, Week, Month, Quarter). */
  async grain(label: string): Promise<void> {
    await this.page.getByTestId('time-grain').getByText(label, { exact: true }).click()
  }

  /** The result summary line ("21 result rows in 18 ms"). */
  get summary(): Locator {
    return this.page.getByTestId('pivot-summary')
  }

  /** The result table. */
  get table(): Locator {
    return this.page.getByTestId('pivot-table')
  }

  /** Rendered (visible) rows of the result table. */
  get rows(): Locator {
    return this.table.getByTestId('table-row')
  }

  /** The chart's canvas. */
  get chartCanvas(): Locator {
    return this.page.getByTestId('chart').locator('canvas')
  }

  /** The exact total of one currency under the table. */
  async total(currency: string): Promise<string> {
    const total = this.page.getByTestId(`pivot-total-${currency}`).locator('[data-value]')
    await expect(total).toBeVisible()
    return (await total.getAttribute('data-value')) ?? ''
  }
}
