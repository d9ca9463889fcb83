/** Whole-page screenshots as a person would see the page on a tall screen. */
import type { Page } from '@playwright/test'

/**
 * Grows the viewport to the page's height for the shot, rather than using
 * `fullPage`, which stitches the scrolled page under fixed elements (the app
 * shell's header and navigation) drawn at the first viewport's size.
 */
export async function screenshotPage(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 }
  await page.evaluate(() => window.scrollTo(0, 0))
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const tall = Math.max(viewport.height, height)
  await page.setViewportSize({ width: viewport.width, height: tall })
  // The shell sizes its navigation to the viewport: wait for the layout to follow the resize.
  await page.waitForFunction((h) => window.innerHeight >= h, tall)
  await page.waitForTimeout(300)
  await page.screenshot({ path })
  await page.setViewportSize(viewport)
}
