/** The specs' `test`: Playwright's, with the page objects ready to use. */
import { test as base } from '@playwright/test'
import { AllocatePage } from '../pages/allocate-page'
import { AppPage } from '../pages/app-page'
import { ExplorePage } from '../pages/explore-page'
import { ImportDetailsPage } from '../pages/import-details-page'
import { ImportPage } from '../pages/import-page'
import { LoadedPage } from '../pages/loaded-page'
import { ReportsPage } from '../pages/reports-page'
import { WorkspacePage } from '../pages/workspace-page'

/** Page objects over the test's page. */
export interface FocalPages {
  app: AppPage
  workspace: WorkspacePage
  importer: ImportPage
  loaded: LoadedPage
  details: ImportDetailsPage
  explore: ExplorePage
  allocate: AllocatePage
  reports: ReportsPage
}

/** `test` with the Focal page objects as fixtures. */
export const test = base.extend<FocalPages>({
  app: async ({ page }, use) => use(new AppPage(page)),
  workspace: async ({ page }, use) => use(new WorkspacePage(page)),
  importer: async ({ page }, use) => use(new ImportPage(page)),
  loaded: async ({ page }, use) => use(new LoadedPage(page)),
  details: async ({ page }, use) => use(new ImportDetailsPage(page)),
  explore: async ({ page }, use) => use(new ExplorePage(page)),
  allocate: async ({ page }, use) => use(new AllocatePage(page)),
  reports: async ({ page }, use) => use(new ReportsPage(page)),
})

export { expect } from '@playwright/test'
